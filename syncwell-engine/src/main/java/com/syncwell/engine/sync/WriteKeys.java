package com.syncwell.engine.sync;

import com.syncwell.connector.IdempotencyKey;
import com.syncwell.domain.Fingerprint;
import com.syncwell.domain.RecordRef;
import java.util.Optional;

/**
 * The deterministic idempotency key of one (sync config, source record) write, and how to recognise
 * it in a destination record's provenance marker. The key is {@code sw1-} and the first 40 hex
 * digits of SHA-256 over the config id and the source record id: the same on every retry and every
 * worker, 44 characters of {@code [a-z0-9-]}, and it reveals neither id.
 */
final class WriteKeys {
  private static final String VERSION = "sw1-";

  private WriteKeys() {}

  static IdempotencyKey of(String configId, String sourceItemId) {
    String hex = Fingerprint.of(configId + "\n" + sourceItemId).substring("sha256:".length());
    return new IdempotencyKey(VERSION + hex.substring(0, 40));
  }

  /**
   * True when {@code marker} names {@code key}. Connectors wrap the key their own way (Strava's
   * {@code external_id} is {@code syncwell-<key>}, Google's notes give the bare key), always ending
   * with it.
   */
  static boolean names(Optional<String> marker, IdempotencyKey key) {
    return marker.map(m -> m.endsWith(key.value())).orElse(false);
  }

  /**
   * A fingerprint of a listed record's metadata, for ledger entries of records that were never
   * fetched (a duplicate found at the destination, a fetch that failed): {@code ref-sha256:…} over
   * type, times, sport and last change, so it never equals a content fingerprint.
   */
  static String refFingerprint(RecordRef ref) {
    String text =
        ref.dataType().wireName()
            + "\n"
            + ref.start()
            + "\n"
            + ref.end()
            + "\n"
            + ref.sport().map(Enum::name).orElse("")
            + "\n"
            + ref.lastModified().map(Object::toString).orElse("");
    return "ref-" + Fingerprint.of(text);
  }
}
