package com.syncwell.engine.sync;

import com.syncwell.domain.matching.MatchRules;
import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of {@link RunSyncJob}.
 *
 * @param firstRunLookback how far back a config's first run lists the source (ARCHITECTURE.md §8
 *     step 4: 30 days; older history is the backfill's job). Later runs pass the same window start
 *     with the stored cursor, so a config that has not run for longer than this skips the gap.
 * @param lease how long a claimed job is held before another worker may take it over; the run
 *     extends it (with its progress) whenever half of it has passed
 * @param matchRules how source records are matched against the destination's
 */
public record SyncSettings(Duration firstRunLookback, Duration lease, MatchRules matchRules) {

  /** 30 days, a 5-minute lease, {@link MatchRules#DEFAULT}. */
  public static final SyncSettings DEFAULT =
      new SyncSettings(Duration.ofDays(30), Duration.ofMinutes(5), MatchRules.DEFAULT);

  /** Widest zone offset error the matcher corrects (±14 h). */
  private static final Duration WIDEST_ZONE_ERROR = Duration.ofHours(14);

  /** Room for a destination record that starts well before a source record and overlaps it. */
  private static final Duration OVERLAP_ROOM = Duration.ofDays(1);

  public SyncSettings {
    Objects.requireNonNull(firstRunLookback, "firstRunLookback");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(matchRules, "matchRules");
    if (firstRunLookback.isNegative() || firstRunLookback.isZero()) {
      throw new IllegalArgumentException("the first-run lookback must be positive");
    }
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("the lease must be positive");
    }
  }

  public SyncSettings withFirstRunLookback(Duration lookback) {
    return new SyncSettings(lookback, lease, matchRules);
  }

  public SyncSettings withLease(Duration newLease) {
    return new SyncSettings(firstRunLookback, newLease, matchRules);
  }

  public SyncSettings withMatchRules(MatchRules rules) {
    return new SyncSettings(firstRunLookback, lease, rules);
  }

  /**
   * How far beyond the span of the listed source records the destination is listed (step 5): the
   * start tolerance, the widest zone error when zone errors are corrected, and a day for records
   * that start earlier and overlap, or daily aggregates dated in another offset.
   */
  public Duration destinationMargin() {
    Duration margin = matchRules.startTolerance().plus(OVERLAP_ROOM);
    return matchRules.correctZoneErrors() ? margin.plus(WIDEST_ZONE_ERROR) : margin;
  }
}
