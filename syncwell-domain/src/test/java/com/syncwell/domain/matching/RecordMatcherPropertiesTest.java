package com.syncwell.domain.matching;

import static com.syncwell.domain.matching.Refs.shifted;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.domain.DataType;
import com.syncwell.domain.RecordRef;
import com.syncwell.domain.SportType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of {@link RecordMatcher} over generated pairs. Destinations are generated near their
 * source on purpose (same instant, same local time, shifted by an offset, or anywhere within a few
 * hours, each with up to 90 s of jitter), so that every kind of result occurs often.
 */
class RecordMatcherPropertiesTest {
  private static final RandomDistribution UNIFORM = RandomDistribution.uniform();
  private final RecordMatcher matcher = RecordMatcher.withDefaults();

  /** How a generated destination relates to its source before jitter. */
  enum Relation {
    SAME_INSTANT,
    SAME_LOCAL_TIME,
    SHIFTED_BY_SOURCE_OFFSET,
    SHIFTED_BY_DESTINATION_OFFSET,
    WITHIN_AN_HOUR,
    WITHIN_SIX_HOURS
  }

  record Pair(RecordRef source, RecordRef destination) {}

  record Crowd(RecordRef source, List<RecordRef> destinations) {}

  // (a) symmetry
  @Property(tries = 1000)
  void swapping_source_and_destination_mirrors_the_result(@ForAll("pairs") Pair pair) {
    MatchResult forward = matcher.match(pair.source(), pair.destination());
    MatchResult backward = matcher.match(pair.destination(), pair.source());
    Statistics.label("result").collect(kind(forward));

    assertThat(backward).isEqualTo(mirrored(forward, pair.source()));
  }

  // (b) translation invariance
  @Property(tries = 1000)
  void moving_both_records_by_the_same_amount_changes_nothing(
      @ForAll("pairs") Pair pair, @ForAll("shifts") Duration shift) {
    RecordRef s = shifted(pair.source(), shift);
    RecordRef d = shifted(pair.destination(), shift);

    assertThat(matcher.match(s, d))
        .isEqualTo(moved(matcher.match(pair.source(), pair.destination()), d, shift));
  }

  @Property(tries = 500)
  void moving_two_daily_aggregates_by_whole_days_changes_nothing(
      @ForAll("dailyPairs") Pair pair, @ForAll("days") int days) {
    Duration shift = Duration.ofDays(days);
    RecordRef s = shifted(pair.source(), shift);
    RecordRef d = shifted(pair.destination(), shift);

    assertThat(matcher.match(s, d))
        .isEqualTo(moved(matcher.match(pair.source(), pair.destination()), d, shift));
  }

  // (c) reflexivity
  @Property(tries = 1000)
  void a_record_matches_itself_at_any_offsets(
      @ForAll("timedRecords") RecordRef record,
      @ForAll("offsets") ZoneOffset startOffset,
      @ForAll("offsets") ZoneOffset endOffset) {
    RecordRef copy =
        new RecordRef(
            "other-provider",
            "copy",
            record.dataType(),
            record.start().withOffsetSameInstant(startOffset),
            record.end().withOffsetSameInstant(endOffset),
            Optional.empty(),
            0,
            record.sport(),
            Optional.empty());

    assertThat(matcher.match(record, copy))
        .isEqualTo(new SameRecord(copy, new EqualStarts(Duration.ZERO)));
  }

  @Property(tries = 500)
  void a_daily_aggregate_collides_with_its_own_date_at_any_offsets(
      @ForAll("dates") LocalDate date,
      @ForAll("dailyTypes") DataType type,
      @ForAll("offsets") ZoneOffset a,
      @ForAll("offsets") ZoneOffset b) {
    RecordRef source = Refs.daily("s", type, date, a);
    RecordRef dest = Refs.daily("d", type, date, b);

    assertThat(matcher.match(source, dest)).isEqualTo(new SameDay(dest, date));
  }

  // (d) far apart and unexplained never match
  @Property(tries = 1000)
  void records_disjoint_by_more_than_the_tolerance_without_a_zone_explanation_never_match(
      @ForAll("pairs") Pair pair) {
    RecordRef s = pair.source();
    RecordRef d = pair.destination();
    Duration tolerance = MatchRules.DEFAULT.startTolerance();
    Assume.that(gap(s, d).compareTo(tolerance) > 0);
    Assume.that(!zoneExplained(s, d, tolerance));
    Statistics.label("sports compatible")
        .collect(s.sport().orElseThrow().isCompatibleWith(d.sport().orElseThrow()));

    assertThat(matcher.match(s, d)).isEqualTo(new NoMatch());
  }

  @Property(tries = 1000)
  void without_zone_corrections_records_disjoint_by_more_than_the_tolerance_never_match(
      @ForAll("pairs") Pair pair) {
    RecordMatcher strict = new RecordMatcher(MatchRules.DEFAULT.withZoneErrorCorrection(false));
    Assume.that(
        gap(pair.source(), pair.destination()).compareTo(strict.rules().startTolerance()) > 0);

    assertThat(strict.match(pair.source(), pair.destination())).isEqualTo(new NoMatch());
  }

  // (e) sport compatibility
  @Property(tries = 1000)
  void other_behaves_like_the_destinations_own_sport(@ForAll("pairs") Pair pair) {
    RecordRef asOther = withSport(pair.source(), SportType.OTHER);
    RecordRef asSame = withSport(pair.source(), pair.destination().sport().orElseThrow());

    assertThat(matcher.match(asOther, pair.destination()))
        .isEqualTo(matcher.match(asSame, pair.destination()));
  }

  @Property(tries = 1000)
  void incompatible_sports_never_match_or_conflict(
      @ForAll("pairs") Pair pair,
      @ForAll("sportsOtherThanOther") SportType a,
      @ForAll("sportsOtherThanOther") SportType b) {
    Assume.that(a.family() != b.family());

    assertThat(matcher.match(withSport(pair.source(), a), withSport(pair.destination(), b)))
        .isEqualTo(new NoMatch());
  }

  @Property(tries = 500)
  void the_best_candidate_does_not_depend_on_the_order_of_the_destinations(
      @ForAll("crowds") Crowd crowd) {
    List<RecordRef> destinations = crowd.destinations();
    MatchResult best = matcher.match(crowd.source(), destinations);
    Statistics.label("result").collect(best.getClass().getSimpleName());

    assertThat(matcher.match(crowd.source(), destinations.reversed())).isEqualTo(best);
    for (int i = 1; i < destinations.size(); i++) {
      List<RecordRef> rotated = new java.util.ArrayList<>(destinations);
      java.util.Collections.rotate(rotated, i);
      assertThat(matcher.match(crowd.source(), rotated)).isEqualTo(best);
    }
    if (!(best instanceof NoMatch)) {
      assertThat(destinations).contains(destination(best));
    }
  }

  // ---- generators

  @Provide
  Arbitrary<ZoneOffset> offsets() {
    // Every quarter-hour offset from -12:00 to +14:00, and the real half/quarter-hour ones often.
    Arbitrary<ZoneOffset> grid =
        Arbitraries.integers().between(-48, 56).map(q -> ZoneOffset.ofTotalSeconds(q * 900));
    Arbitrary<ZoneOffset> odd =
        Arbitraries.of(
                "+05:30", "+05:45", "-03:30", "-02:30", "+09:30", "+12:45", "Z", "+01:00", "+02:00")
            .map(ZoneOffset::of);
    return Arbitraries.frequencyOf(Tuple.of(3, grid), Tuple.of(2, odd));
  }

  @Provide
  Arbitrary<SportType> sports() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(SportType.RUNNING, SportType.TRAIL_RUNNING)),
        Tuple.of(1, Arbitraries.of(SportType.class)));
  }

  @Provide
  Arbitrary<SportType> sportsOtherThanOther() {
    return Arbitraries.of(SportType.class).filter(t -> t != SportType.OTHER);
  }

  @Provide
  Arbitrary<DataType> dailyTypes() {
    return Arbitraries.of(DataType.STEPS, DataType.HEART_RATE);
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.longs()
        .between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2040, 1, 1).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  @Provide
  Arbitrary<Integer> days() {
    return Arbitraries.integers().between(-4000, 4000);
  }

  @Provide
  Arbitrary<Duration> shifts() {
    return Arbitraries.longs()
        .between(-Duration.ofDays(3650).toSeconds(), Duration.ofDays(3650).toSeconds())
        .map(Duration::ofSeconds);
  }

  private Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(
            Instant.parse("2000-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("2040-01-01T00:00:00Z").getEpochSecond())
        .map(Instant::ofEpochSecond);
  }

  private Arbitrary<Duration> lengths() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(Duration.ZERO)),
        Tuple.of(
            6,
            Arbitraries.longs()
                .between(1, Duration.ofHours(4).toSeconds())
                .withDistribution(UNIFORM)
                .map(Duration::ofSeconds)));
  }

  private Arbitrary<Relation> relations() {
    return Arbitraries.frequency(
        Tuple.of(1, Relation.SAME_INSTANT),
        Tuple.of(2, Relation.SAME_LOCAL_TIME),
        Tuple.of(2, Relation.SHIFTED_BY_SOURCE_OFFSET),
        Tuple.of(2, Relation.SHIFTED_BY_DESTINATION_OFFSET),
        Tuple.of(3, Relation.WITHIN_AN_HOUR),
        Tuple.of(1, Relation.WITHIN_SIX_HOURS));
  }

  private Arbitrary<Duration> jitter() {
    return Arbitraries.longs().between(-90, 90).map(Duration::ofSeconds);
  }

  @Provide
  Arbitrary<RecordRef> timedRecords() {
    Arbitrary<RecordRef> workouts =
        Combinators.combine(instants(), offsets(), lengths(), sports())
            .as((t, o, len, sport) -> Refs.workout("s", sport, t.atOffset(o), len));
    Arbitrary<RecordRef> others =
        Combinators.combine(
                instants(),
                offsets(),
                lengths(),
                Arbitraries.of(DataType.SLEEP_SESSION, DataType.WEIGHT))
            .as(
                (t, o, len, type) -> {
                  OffsetDateTime start = t.atOffset(o);
                  return new RecordRef(
                      "p",
                      "s",
                      type,
                      start,
                      type == DataType.WEIGHT ? start : start.plus(len),
                      Optional.empty(),
                      0,
                      Optional.empty(),
                      Optional.empty());
                });
    return Arbitraries.frequencyOf(Tuple.of(4, workouts), Tuple.of(1, others));
  }

  private Arbitrary<RecordRef> sources() {
    return Combinators.combine(instants(), offsets(), lengths(), sports())
        .as((t, o, len, sport) -> Refs.workout("s", sport, t.atOffset(o), len));
  }

  /** Workouts related to {@code s} in one of the {@link Relation}s, with jitter. */
  private Arbitrary<RecordRef> near(RecordRef s, String id) {
    return Combinators.combine(
            relations(),
            offsets(),
            jitter(),
            Arbitraries.oneOf(jitter().map(j -> duration(s).plus(j)), lengths()),
            sports(),
            Arbitraries.longs().between(-6 * 3600, 6 * 3600).withDistribution(UNIFORM))
        .as(
            (relation, o, j, len, sport, nearby) -> {
              Instant start = base(s, relation, o, nearby).plus(j);
              Duration length = len.isNegative() ? Duration.ZERO : len;
              return Refs.workout(id, sport, start.atOffset(o), length);
            });
  }

  @Provide
  Arbitrary<Pair> pairs() {
    return sources().flatMap(s -> near(s, "d").map(d -> new Pair(s, d)));
  }

  @Provide
  Arbitrary<Crowd> crowds() {
    return sources()
        .flatMap(
            s ->
                Arbitraries.integers()
                    .between(2, 6)
                    .flatMap(
                        n ->
                            Combinators.combine(
                                    java.util.stream.IntStream.range(0, n)
                                        .mapToObj(i -> near(s, "d" + i))
                                        .toList())
                                .as(ds -> new Crowd(s, List.copyOf(ds)))));
  }

  @Provide
  Arbitrary<Pair> dailyPairs() {
    return Combinators.combine(
            dates(), Arbitraries.integers().between(-2, 2), offsets(), offsets(), dailyTypes())
        .as(
            (date, apart, a, b, type) ->
                new Pair(
                    Refs.daily("s", type, date, a),
                    Refs.daily("d", type, date.plusDays(apart), b)));
  }

  // ---- model

  private static Instant base(RecordRef s, Relation relation, ZoneOffset o, long nearby) {
    Instant start = s.start().toInstant();
    long oS = s.start().getOffset().getTotalSeconds();
    return switch (relation) {
      case SAME_INSTANT -> start;
      case SAME_LOCAL_TIME -> s.start().toLocalDateTime().atOffset(o).toInstant();
      case SHIFTED_BY_SOURCE_OFFSET -> start.plusSeconds(oS);
      case SHIFTED_BY_DESTINATION_OFFSET -> start.minusSeconds(o.getTotalSeconds());
      case WITHIN_AN_HOUR -> start.plusSeconds(nearby / 6);
      case WITHIN_SIX_HOURS -> start.plusSeconds(nearby);
    };
  }

  private static Duration duration(RecordRef r) {
    return Duration.between(r.start(), r.end());
  }

  /** The time between two records' intervals; zero when they touch or overlap. */
  private static Duration gap(RecordRef a, RecordRef b) {
    Instant aStart = a.start().toInstant();
    Instant aEnd = a.end().toInstant();
    Instant bStart = b.start().toInstant();
    Instant bEnd = b.end().toInstant();
    if (bStart.isAfter(aEnd)) {
      return Duration.between(aEnd, bStart);
    }
    if (aStart.isAfter(bEnd)) {
      return Duration.between(bEnd, aStart);
    }
    return Duration.ZERO;
  }

  /** Whether some offset-derived shift on the 15-minute grid lines the starts up. */
  private static boolean zoneExplained(RecordRef s, RecordRef d, Duration tolerance) {
    long oS = s.start().getOffset().getTotalSeconds();
    long oD = d.start().getOffset().getTotalSeconds();
    long delta = Duration.between(s.start(), d.start()).toSeconds();
    return LongStream.of(oS - oD, oS, -oS, oD, -oD)
        .filter(e -> e != 0 && e % 900 == 0 && Math.abs(e) <= 14 * 3600)
        .anyMatch(e -> Math.abs(delta - e) <= tolerance.toSeconds());
  }

  private static MatchResult mirrored(MatchResult result, RecordRef source) {
    return switch (result) {
      case NoMatch none -> none;
      case SameRecord same -> new SameRecord(source, same.how().mirrored());
      case Overlap overlap -> new Overlap(source, overlap.overlap());
      case SameDay day -> new SameDay(source, day.date());
    };
  }

  private static MatchResult moved(MatchResult result, RecordRef movedDestination, Duration shift) {
    return switch (result) {
      case NoMatch none -> none;
      case SameRecord same -> new SameRecord(movedDestination, same.how());
      case Overlap overlap -> new Overlap(movedDestination, overlap.overlap());
      case SameDay day -> new SameDay(movedDestination, day.date().plusDays(shift.toDays()));
    };
  }

  private static RecordRef withSport(RecordRef r, SportType sport) {
    return Refs.workout(r.recordId(), sport, r.start(), duration(r));
  }

  private static String kind(MatchResult result) {
    return switch (result) {
      case SameRecord(var d, EqualStarts how) -> "SameRecord/EqualStarts";
      case SameRecord(var d, ZoneCorrected how) -> "SameRecord/" + how.error();
      default -> result.getClass().getSimpleName();
    };
  }

  private static RecordRef destination(MatchResult result) {
    return switch (result) {
      case NoMatch none -> throw new IllegalArgumentException("no destination");
      case SameRecord same -> same.destination();
      case Conflict conflict -> conflict.destination();
    };
  }
}
