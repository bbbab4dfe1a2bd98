package com.syncwell.connector.strava;

import com.syncwell.connector.IdempotencyKey;

/**
 * SyncWell's provenance marker at Strava: the {@code external_id} of an upload is {@code
 * syncwell-<idempotency key>}. Only external ids with this prefix are ours; Strava's own (device
 * file names, {@code garmin_push_…}) are not.
 */
public final class StravaProvenance {
  public static final String PREFIX = "syncwell-";

  private StravaProvenance() {}

  public static String markerOf(IdempotencyKey key) {
    return PREFIX + key.value();
  }

  public static boolean isOurs(String externalId) {
    return externalId != null && externalId.startsWith(PREFIX);
  }
}
