package com.syncwell.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.connector.TokenSet;
import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.SportType;
import com.syncwell.domain.Workout;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.JobReport;
import com.syncwell.engine.store.JobStatus;
import com.syncwell.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conflict strategies and the matcher's zone rules end to end: RunSyncJob on the in-memory provider
 * pair, one source and one destination record (or a few) per test, the destination counted after.
 */
class ConflictStrategiesAcrossZonesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneOffset BERLIN_WINTER = ZoneOffset.ofHours(1);
  private static final ZoneOffset BERLIN_SUMMER = ZoneOffset.ofHours(2);
  private static final ZoneOffset INDIA = ZoneOffset.ofHoursMinutes(5, 30);
  private static final ZoneOffset NEPAL = ZoneOffset.ofHoursMinutes(5, 45);

  /** A week after Berlin's 2026 autumn-back night (25 October, 03:00 CEST → 02:00 CET). */
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));

  @TempDir Path dir;
  private final FakeProvider source = new FakeProvider("alpha");
  private final FakeProvider destination = new FakeProvider("beta");
  private SyncBed bed;
  private Connection from;
  private Connection to;

  @BeforeEach
  void open() {
    bed = new SyncBed(dir, clock, Map.of("alpha", source, "beta", destination));
    from = bed.connect("alpha", "alpha-user", tokens());
    to = bed.connect("beta", "beta-user", tokens());
  }

  @AfterEach
  void close() {
    bed.close();
  }

  private static TokenSet tokens() {
    return new TokenSet(
        "access",
        Optional.of("refresh"),
        Instant.parse("2100-01-01T00:00:00Z"),
        Set.of(),
        Optional.empty());
  }

  private static OffsetDateTime at(String localDateTime, ZoneOffset offset) {
    return LocalDateTime.parse(localDateTime).atOffset(offset);
  }

  private static Workout workout(SportType sport, OffsetDateTime start, Duration length) {
    return FakeProvider.workout(sport, sport + " at " + start, start, length);
  }

  private JobReport sync(ConflictStrategy strategy) {
    JobRun run = bed.runOnce(bed.config(from, to, strategy));
    assertThat(run).isInstanceOf(JobRun.Finished.class);
    assertThat(((JobRun.Finished) run).status()).isEqualTo(JobStatus.SUCCEEDED);
    JobReport report = ((JobRun.Finished) run).report();
    assertThat(report.failed()).isZero();
    return report;
  }

  /** A two-hour ride at the source; a mountain-bike ride at the destination 30 min into it. */
  private void overlappingRides(Optional<Instant> sourceChanged, Optional<Instant> destChanged) {
    OffsetDateTime start = at("2026-10-28T08:00", BERLIN_WINTER);
    Workout ride = workout(SportType.CYCLING, start, Duration.ofHours(2));
    Workout other = workout(SportType.MOUNTAIN_BIKING, start.plusMinutes(30), Duration.ofHours(2));
    sourceChanged.ifPresentOrElse(t -> source.add(ride, t), () -> source.add(ride));
    destChanged.ifPresentOrElse(t -> destination.add(other, t), () -> destination.add(other));
  }

  @Test
  void source_wins_writes_an_overlapping_workout_of_a_compatible_sport_and_reports_the_conflict() {
    overlappingRides(Optional.empty(), Optional.empty());

    JobReport report = sync(ConflictStrategy.SOURCE_WINS);

    assertThat(report.conflictsSourceWon()).isEqualTo(1);
    assertThat(report.conflictsDestinationWon()).isZero();
    assertThat(report.written()).isEqualTo(1);
    assertThat(report.duplicatesSkipped()).isZero();
    assertThat(destination.workouts()).hasSize(2);
    assertThat(destination.markers()).hasSize(1);
  }

  @Test
  void dest_wins_skips_an_overlapping_workout_and_reports_the_conflict() {
    overlappingRides(Optional.empty(), Optional.empty());

    JobReport report = sync(ConflictStrategy.DEST_WINS);

    assertThat(report.conflictsDestinationWon()).isEqualTo(1);
    assertThat(report.conflictsSourceWon()).isZero();
    assertThat(report.written()).isZero();
    assertThat(report.hydrated()).isZero();
    assertThat(destination.workouts()).hasSize(1);
    assertThat(destination.markers()).isEmpty();
  }

  @Test
  void newest_wins_gives_a_tie_to_the_source() {
    Instant changed = Instant.parse("2026-10-29T20:00:00Z");
    overlappingRides(Optional.of(changed), Optional.of(changed));

    JobReport report = sync(ConflictStrategy.NEWEST_WINS);

    assertThat(report.conflictsSourceWon()).isEqualTo(1);
    assertThat(report.written()).isEqualTo(1);
    assertThat(destination.workouts()).hasSize(2);
  }

  @Test
  void newest_wins_keeps_a_destination_workout_changed_after_the_source_one() {
    Instant changed = Instant.parse("2026-10-29T20:00:00Z");
    overlappingRides(Optional.of(changed), Optional.of(changed.plusSeconds(1)));

    JobReport report = sync(ConflictStrategy.NEWEST_WINS);

    assertThat(report.conflictsDestinationWon()).isEqualTo(1);
    assertThat(report.written()).isZero();
    assertThat(destination.workouts()).hasSize(1);
  }

  @Test
  void workouts_touching_only_at_their_edges_are_no_conflict_and_both_exist_afterwards() {
    OffsetDateTime start = at("2026-10-28T08:00", BERLIN_WINTER);
    source.add(workout(SportType.RUNNING, start, Duration.ofHours(1)));
    destination.add(workout(SportType.TRAIL_RUNNING, start.plusHours(1), Duration.ofMinutes(45)));
    destination.add(
        workout(SportType.TRAIL_RUNNING, start.minusMinutes(30), Duration.ofMinutes(30)));

    // dest_wins: a conflict would keep the destination's and write nothing
    JobReport report = sync(ConflictStrategy.DEST_WINS);

    assertThat(report.conflictsDestinationWon()).isZero();
    assertThat(report.conflictsSourceWon()).isZero();
    assertThat(report.duplicatesSkipped()).isZero();
    assertThat(report.written()).isEqualTo(1);
    assertThat(destination.workouts()).hasSize(3);
  }

  @Test
  void a_workout_in_berlins_autumn_back_hour_stamped_with_the_other_offset_is_a_duplicate() {
    // 00:30 UTC on 25 October 2026 is 02:30 CEST, the first pass through Berlin's repeated hour;
    // a provider that resolved the local time against the winter offset says 01:30+01:00
    Instant instant = Instant.parse("2026-10-25T00:30:00Z");
    OffsetDateTime summer = instant.atZone(BERLIN).toOffsetDateTime();
    OffsetDateTime winter = instant.atOffset(BERLIN_WINTER);
    assertThat(summer.getOffset()).isEqualTo(BERLIN_SUMMER);
    assertThat(summer.toInstant()).isEqualTo(winter.toInstant());
    source.add(workout(SportType.RUNNING, summer, Duration.ofMinutes(50)));
    destination.add(workout(SportType.RUNNING, winter, Duration.ofMinutes(50)));

    JobReport report = sync(ConflictStrategy.SOURCE_WINS);

    assertThat(report.duplicatesSkipped()).isEqualTo(1);
    assertThat(report.written()).isZero();
    assertThat(report.hydrated()).isZero();
    assertThat(destination.workouts()).hasSize(1);
  }

  @Test
  void
      the_repeated_autumn_hour_resolved_to_the_other_offset_at_the_same_local_time_is_a_duplicate() {
    // 02:30 local in the repeated hour: one provider took +02:00 (00:30Z), the other +01:00
    // (01:30Z)
    source.add(
        workout(SportType.RUNNING, at("2026-10-25T02:30", BERLIN_SUMMER), Duration.ofMinutes(50)));
    destination.add(
        workout(SportType.RUNNING, at("2026-10-25T02:30", BERLIN_WINTER), Duration.ofMinutes(50)));

    JobReport report = sync(ConflictStrategy.SOURCE_WINS);

    assertThat(report.duplicatesSkipped()).isEqualTo(1);
    assertThat(report.written()).isZero();
    assertThat(destination.workouts()).hasSize(1);
  }

  @Test
  void a_workout_stored_as_local_time_read_as_utc_in_a_half_hour_zone_is_a_duplicate() {
    source.add(workout(SportType.RUNNING, at("2026-10-28T07:00", INDIA), Duration.ofMinutes(40)));
    destination.add(
        workout(SportType.RUNNING, at("2026-10-28T07:00", ZoneOffset.UTC), Duration.ofMinutes(40)));

    JobReport report = sync(ConflictStrategy.SOURCE_WINS);

    assertThat(report.duplicatesSkipped()).isEqualTo(1);
    assertThat(report.written()).isZero();
    assertThat(destination.workouts()).hasSize(1);
  }

  @Test
  void a_workout_stored_as_local_time_read_as_utc_in_a_quarter_hour_zone_is_a_duplicate() {
    source.add(workout(SportType.WALKING, at("2026-10-28T07:00", NEPAL), Duration.ofMinutes(40)));
    destination.add(
        workout(SportType.HIKING, at("2026-10-28T07:00", ZoneOffset.UTC), Duration.ofMinutes(40)));

    JobReport report = sync(ConflictStrategy.SOURCE_WINS);

    assertThat(report.duplicatesSkipped()).isEqualTo(1);
    assertThat(report.written()).isZero();
    assertThat(destination.workouts()).hasSize(1);
  }

  @Test
  void two_runs_two_hours_apart_are_separate_records_and_both_are_written() {
    OffsetDateTime morning = at("2026-10-28T07:00", BERLIN_WINTER);
    source.add(workout(SportType.RUNNING, morning, Duration.ofMinutes(45)));
    source.add(workout(SportType.RUNNING, morning.plusHours(2), Duration.ofMinutes(45)));

    JobReport first = sync(ConflictStrategy.SOURCE_WINS);

    assertThat(first.written()).isEqualTo(2);
    assertThat(first.duplicatesSkipped()).isZero();
    assertThat(destination.workouts()).hasSize(2);
  }

  @Test
  void a_run_two_hours_after_one_already_at_the_destination_is_still_written() {
    OffsetDateTime morning = at("2026-10-28T07:00", BERLIN_WINTER);
    source.add(workout(SportType.RUNNING, morning, Duration.ofMinutes(45)));
    source.add(workout(SportType.RUNNING, morning.plusHours(2), Duration.ofMinutes(45)));
    destination.add(workout(SportType.RUNNING, morning.plusSeconds(4), Duration.ofMinutes(45)));

    JobReport report = sync(ConflictStrategy.SOURCE_WINS);

    assertThat(report.duplicatesSkipped()).isEqualTo(1);
    assertThat(report.written()).isEqualTo(1);
    assertThat(destination.workouts()).hasSize(2);
  }

  @Test
  void back_to_back_classes_of_equal_length_one_offset_apart_are_both_written() {
    OffsetDateTime first = at("2026-10-28T07:00", BERLIN_WINTER);
    source.add(workout(SportType.WORKOUT, first, Duration.ofHours(1)));
    source.add(workout(SportType.WORKOUT, first.plusHours(1), Duration.ofHours(1)));
    destination.add(workout(SportType.WORKOUT, first.plusSeconds(3), Duration.ofHours(1)));

    JobReport report = sync(ConflictStrategy.SOURCE_WINS);

    assertThat(report.duplicatesSkipped()).isEqualTo(1);
    assertThat(report.written()).isEqualTo(1);
    assertThat(destination.workouts()).hasSize(2);
  }
}
