package com.syncwell.connector;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A deterministic key for one write (for example derived from the sync config and the source
 * record). Writers pass it to the provider as the provenance marker (Strava's {@code external_id}),
 * so a retried write is recognised instead of duplicated.
 */
public record IdempotencyKey(String value) {
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  public IdempotencyKey {
    Objects.requireNonNull(value, "value");
    if (!ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException("idempotency key must be 8 to 64 of A-Z a-z 0-9 . _ -");
    }
  }
}
