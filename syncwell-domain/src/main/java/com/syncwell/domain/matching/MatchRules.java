package com.syncwell.domain.matching;

import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of {@link RecordMatcher}.
 *
 * @param startTolerance how far apart two starts may be and still be the same recording (clock skew
 *     between devices and providers); at least 0 and below 7 min 30 s, half the 15-minute grid of
 *     zone offsets, so that at most one zone-error correction fits any pair
 * @param overlapThreshold two different recordings of compatible types conflict when their
 *     intervals overlap by strictly more than this; at least 0
 * @param correctZoneErrors whether starts that differ by a zone error ({@link ZoneError}) still
 *     count as the same recording
 */
public record MatchRules(
    Duration startTolerance, Duration overlapThreshold, boolean correctZoneErrors) {

  /** The largest start tolerance that keeps zone-error corrections unambiguous (exclusive). */
  public static final Duration MAX_START_TOLERANCE = Duration.ofMinutes(7).plusSeconds(30);

  /** 60 s start tolerance, 60 s overlap threshold, zone errors corrected. */
  public static final MatchRules DEFAULT =
      new MatchRules(Duration.ofSeconds(60), Duration.ofSeconds(60), true);

  public MatchRules {
    Objects.requireNonNull(startTolerance, "startTolerance");
    Objects.requireNonNull(overlapThreshold, "overlapThreshold");
    if (startTolerance.isNegative() || startTolerance.compareTo(MAX_START_TOLERANCE) >= 0) {
      throw new IllegalArgumentException(
          "start tolerance must be at least 0 and below 7 min 30 s, was " + startTolerance);
    }
    if (overlapThreshold.isNegative()) {
      throw new IllegalArgumentException(
          "overlap threshold must not be negative, was " + overlapThreshold);
    }
  }

  public MatchRules withStartTolerance(Duration tolerance) {
    return new MatchRules(tolerance, overlapThreshold, correctZoneErrors);
  }

  public MatchRules withOverlapThreshold(Duration threshold) {
    return new MatchRules(startTolerance, threshold, correctZoneErrors);
  }

  public MatchRules withZoneErrorCorrection(boolean correct) {
    return new MatchRules(startTolerance, overlapThreshold, correct);
  }
}
