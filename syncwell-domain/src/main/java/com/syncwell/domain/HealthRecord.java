package com.syncwell.domain;

/**
 * One canonical health record, in SI units, independent of any provider. Records carry no identity
 * of their own; the provider's id travels beside them in a {@link RecordRef}.
 */
public sealed interface HealthRecord
    permits Workout, DailySteps, SleepSession, BodyWeight, HeartRateDaily {

  DataType dataType();

  /**
   * The normalized content, one field per line, that {@link #fingerprint()} hashes. Two records
   * with the same content have the same text whatever provider they came from; rounding is to the
   * precision providers keep (seconds, metres, joules to the kilojoule).
   */
  String canonicalText();

  /** A stable hash of {@link #canonicalText()}: {@code sha256:<64 hex digits>}. */
  default String fingerprint() {
    return Fingerprint.of(canonicalText());
  }
}
