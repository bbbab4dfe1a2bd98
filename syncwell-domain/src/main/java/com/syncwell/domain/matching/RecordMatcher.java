package com.syncwell.domain.matching;

import com.syncwell.domain.RecordRef;
import com.syncwell.domain.SportType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds what a destination already holds for one source record (ARCHITECTURE.md §8, step 6). The
 * rules, for a source {@code s} and a destination candidate {@code d}:
 *
 * <ol>
 *   <li>The data types must be equal; for workouts the sports must be compatible ({@link
 *       SportType#isCompatibleWith}; a missing sport counts as {@link SportType#OTHER}).
 *   <li>Daily aggregates ({@link com.syncwell.domain.DataType#isDailyAggregate()}) match by local
 *       date only, each start's date in its own offset: the same date is a {@link SameDay}.
 *   <li>Timed records: with {@code Δ} the destination start minus the source start on the time
 *       line, {@code |Δ| ≤ tolerance} is a {@link SameRecord} with {@link EqualStarts}.
 *   <li>Otherwise, when zone errors are corrected, {@code |Δ − e| ≤ tolerance} for a correction
 *       {@code e} of a {@link ZoneError} is a {@link SameRecord} with {@link ZoneCorrected}. The
 *       candidates for {@code e}, in this order, are {@code oS − oD} ({@link
 *       ZoneError#SAME_LOCAL_TIME}), then {@code oS, −oS, oD, −oD} ({@link
 *       ZoneError#SHIFTED_BY_OFFSET}), where {@code oS}, {@code oD} are the start offsets; only
 *       non-zero multiples of 15 minutes up to 14 hours either way count. A {@code
 *       SHIFTED_BY_OFFSET} correction is only tried when the two offsets differ, and must also line
 *       up the ends within the tolerance (the whole recording moved): with equal offsets nothing
 *       tells it from two real workouts an offset apart, and keeping both loses nothing. Two starts
 *       that both carry {@code +00:00} never correct: nothing says either is wrong.
 *   <li>Otherwise the intervals, on the time line, overlapping by strictly more than the threshold
 *       is an {@link Overlap}. Intervals that only touch ({@code end == start}) share nothing.
 * </ol>
 *
 * <p>Among several candidates the best wins, deterministically: a same record before a conflict;
 * then a start match without correction before one with; then the closest start ({@code |Δ − e|}
 * for a same record, {@code |Δ|} for a conflict); then the longest overlap (of the corrected
 * intervals); then the smallest record id, then provider.
 *
 * <p>Pairwise, the rules are symmetric: swapping source and destination gives the same kind of
 * result with mirrored differences ({@link StartAlignment#mirrored()}) and the same overlap.
 */
public record RecordMatcher(MatchRules rules) {

  private static final long ZONE_GRID_SECONDS = Duration.ofMinutes(15).toSeconds();
  private static final Duration MAX_CORRECTION = Duration.ofHours(14);

  private static final Comparator<Candidate> BEST_FIRST =
      Comparator.comparingInt(Candidate::rank)
          .thenComparing(Candidate::startDistance)
          .thenComparing(Candidate::overlap, Comparator.reverseOrder())
          .thenComparing(c -> c.destination().recordId())
          .thenComparing(c -> c.destination().provider());

  public RecordMatcher {
    Objects.requireNonNull(rules, "rules");
  }

  /** A matcher with {@link MatchRules#DEFAULT}. */
  public static RecordMatcher withDefaults() {
    return new RecordMatcher(MatchRules.DEFAULT);
  }

  /** The best match for {@code source} among the destination records of the covered window. */
  public MatchResult match(RecordRef source, Collection<RecordRef> destinations) {
    Objects.requireNonNull(source, "source");
    return destinations.stream()
        .map(d -> candidate(source, d))
        .flatMap(Optional::stream)
        .min(BEST_FIRST)
        .map(Candidate::result)
        .orElseGet(NoMatch::new);
  }

  /** The result for one pair, as if {@code destination} were the only record there. */
  public MatchResult match(RecordRef source, RecordRef destination) {
    return match(source, List.of(destination));
  }

  private Optional<Candidate> candidate(RecordRef s, RecordRef d) {
    Objects.requireNonNull(d, "destination");
    if (s.dataType() != d.dataType() || !sportsCompatible(s, d)) {
      return Optional.empty();
    }
    Duration delta = Duration.between(s.start().toInstant(), d.start().toInstant());
    if (s.dataType().isDailyAggregate()) {
      LocalDate date = s.start().toLocalDate();
      return date.equals(d.start().toLocalDate())
          ? Optional.of(
              new Candidate(new SameDay(d, date), 2, delta.abs(), overlap(s, d, Duration.ZERO), d))
          : Optional.empty();
    }
    if (delta.abs().compareTo(rules.startTolerance()) <= 0) {
      return Optional.of(
          new Candidate(
              new SameRecord(d, new EqualStarts(delta)),
              0,
              delta.abs(),
              overlap(s, d, Duration.ZERO),
              d));
    }
    if (rules.correctZoneErrors()) {
      Optional<ZoneCorrected> corrected = zoneCorrection(s, d, delta);
      if (corrected.isPresent()) {
        Duration e = corrected.get().correction();
        return Optional.of(
            new Candidate(
                new SameRecord(d, corrected.get()),
                1,
                corrected.get().residual().abs(),
                overlap(s, d, e),
                d));
      }
    }
    Duration shared = overlap(s, d, Duration.ZERO);
    return shared.compareTo(rules.overlapThreshold()) > 0
        ? Optional.of(new Candidate(new Overlap(d, shared), 2, delta.abs(), shared, d))
        : Optional.empty();
  }

  private Optional<ZoneCorrected> zoneCorrection(RecordRef s, RecordRef d, Duration delta) {
    long oS = s.start().getOffset().getTotalSeconds();
    long oD = d.start().getOffset().getTotalSeconds();
    Duration endDelta = Duration.between(s.end().toInstant(), d.end().toInstant());
    Optional<ZoneCorrected> sameLocal =
        corrected(ZoneError.SAME_LOCAL_TIME, oS - oD, delta, endDelta);
    if (sameLocal.isPresent()) {
      return sameLocal;
    }
    if (oS == oD) {
      // Same offsets: a shift by the offset is indistinguishable from two real recordings an
      // offset apart (back-to-back classes of equal length); keeping both loses nothing.
      return Optional.empty();
    }
    for (long e : new long[] {oS, -oS, oD, -oD}) {
      Optional<ZoneCorrected> shifted = corrected(ZoneError.SHIFTED_BY_OFFSET, e, delta, endDelta);
      if (shifted.isPresent()) {
        return shifted;
      }
    }
    return Optional.empty();
  }

  private Optional<ZoneCorrected> corrected(
      ZoneError error, long seconds, Duration delta, Duration endDelta) {
    Duration e = Duration.ofSeconds(seconds);
    if (seconds == 0 || seconds % ZONE_GRID_SECONDS != 0 || e.abs().compareTo(MAX_CORRECTION) > 0) {
      return Optional.empty();
    }
    Duration residual = delta.minus(e);
    if (residual.abs().compareTo(rules.startTolerance()) > 0) {
      return Optional.empty();
    }
    if (error == ZoneError.SHIFTED_BY_OFFSET
        && endDelta.minus(e).abs().compareTo(rules.startTolerance()) > 0) {
      return Optional.empty();
    }
    return Optional.of(new ZoneCorrected(error, e, residual));
  }

  /** How long {@code s} and {@code d} moved back by {@code shift} share; zero when disjoint. */
  private static Duration overlap(RecordRef s, RecordRef d, Duration shift) {
    Instant start = max(s.start().toInstant(), d.start().toInstant().minus(shift));
    Instant end = min(s.end().toInstant(), d.end().toInstant().minus(shift));
    return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
  }

  private static boolean sportsCompatible(RecordRef s, RecordRef d) {
    SportType a = s.sport().orElse(SportType.OTHER);
    SportType b = d.sport().orElse(SportType.OTHER);
    return a.isCompatibleWith(b);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * One destination record that matched, with its sort keys: {@code rank} 0 for a start match, 1
   * for a zone-corrected start match, 2 for a conflict.
   */
  private record Candidate(
      MatchResult result,
      int rank,
      Duration startDistance,
      Duration overlap,
      RecordRef destination) {}
}
