package com.syncwell.engine.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One source record of a sync config and what became of it, stored under {@code USER#{userId}} /
 * {@code LEDGER#{configId}#{sourceItemId}}. Holds ids, a fingerprint and counts only.
 *
 * @param fingerprint the fingerprint of the source record this entry was written for
 * @param destinationId the record's id at the destination, once WRITTEN
 * @param failureCount failures since it was last written
 * @param lastReason the reason of the last failure
 */
public record LedgerEntry(
    String userId,
    String configId,
    String sourceItemId,
    String fingerprint,
    LedgerState state,
    Optional<String> destinationId,
    int failureCount,
    Optional<String> lastReason,
    Instant updatedAt,
    long version) {
  public LedgerEntry {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(configId, "configId");
    Objects.requireNonNull(sourceItemId, "sourceItemId");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(destinationId, "destinationId");
    Objects.requireNonNull(lastReason, "lastReason");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * True when this entry is WRITTEN for another fingerprint than {@code currentFingerprint}: the
   * source record changed since it was written. Whether to write it again is the engine's call.
   */
  public boolean sourceChanged(String currentFingerprint) {
    return state == LedgerState.WRITTEN && !fingerprint.equals(currentFingerprint);
  }
}
