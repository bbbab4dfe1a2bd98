package com.syncwell.domain.matching;

import static com.syncwell.domain.matching.Refs.daily;
import static com.syncwell.domain.matching.Refs.run;
import static com.syncwell.domain.matching.Refs.timed;
import static com.syncwell.domain.matching.Refs.workout;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.domain.DataType;
import com.syncwell.domain.RecordRef;
import com.syncwell.domain.SportType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecordMatcherTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private final RecordMatcher matcher = RecordMatcher.withDefaults();

  @Nested
  class Equal_starts {
    @Test
    void a_run_seen_by_two_providers_with_starts_30_seconds_apart_is_the_same_record() {
      RecordRef source = run("s", "2025-06-01T07:00:00+02:00", HOUR);
      RecordRef dest = run("d", "2025-06-01T07:00:30+02:00", HOUR);

      assertThat(matcher.match(source, List.of(dest)))
          .isEqualTo(new SameRecord(dest, new EqualStarts(Duration.ofSeconds(30))));
    }

    @Test
    void starts_exactly_the_tolerance_apart_still_match() {
      RecordRef source = run("s", "2025-06-01T07:00:00Z", HOUR);
      RecordRef dest = run("d", "2025-06-01T06:59:00Z", HOUR);

      assertThat(matcher.match(source, dest))
          .isEqualTo(new SameRecord(dest, new EqualStarts(Duration.ofSeconds(-60))));
    }

    @Test
    void starts_just_beyond_the_tolerance_are_different_recordings_that_conflict() {
      RecordRef source = run("s", "2025-06-01T07:00:00Z", HOUR);
      RecordRef dest = run("d", "2025-06-01T07:01:01Z", HOUR);

      assertThat(matcher.match(source, dest))
          .isEqualTo(new Overlap(dest, Duration.ofMinutes(58).plusSeconds(59)));
    }

    @Test
    void the_same_instant_written_with_any_two_offsets_is_the_same_record() {
      RecordRef source = run("s", "2025-06-01T07:00:00+05:30", HOUR);
      RecordRef dest = run("d", "2025-06-01T01:30:00Z", HOUR);

      assertThat(matcher.match(source, dest))
          .isEqualTo(new SameRecord(dest, new EqualStarts(Duration.ZERO)));
    }

    @Test
    void two_different_runs_two_hours_apart_do_not_match() {
      RecordRef morning = run("s", "2025-01-10T07:00:00+01:00", HOUR);
      RecordRef later = run("d", "2025-01-10T09:00:00+01:00", HOUR);

      assertThat(matcher.match(morning, later)).isEqualTo(new NoMatch());
    }
  }

  @Nested
  class Daylight_saving {
    private final ZoneId berlin = ZoneId.of("Europe/Berlin");

    @Test
    void
        a_workout_in_the_autumn_back_hour_stamped_plus_two_and_plus_one_for_one_instant_is_the_same_record() {
      // 2025-10-26 02:30 happens twice in Berlin; 00:30Z is the first one.
      OffsetDateTime summer = OffsetDateTime.parse("2025-10-26T02:30:00+02:00");
      OffsetDateTime winter = summer.withOffsetSameInstant(ZoneOffset.ofHours(1));
      assertThat(winter.toLocalDateTime()).hasToString("2025-10-26T01:30");
      RecordRef source = workout("s", SportType.RUNNING, summer, HOUR);
      RecordRef dest = workout("d", SportType.RUNNING, winter, HOUR);

      assertThat(matcher.match(source, dest))
          .isEqualTo(new SameRecord(dest, new EqualStarts(Duration.ZERO)));
    }

    @Test
    void the_ambiguous_autumn_back_hour_resolved_to_the_other_offset_is_the_same_record() {
      // Both providers say 02:30 local; one picked the earlier offset, the other the later.
      var local = java.time.LocalDateTime.parse("2025-10-26T02:30:00");
      assertThat(berlin.getRules().getValidOffsets(local)).hasSize(2);
      RecordRef source =
          workout("s", SportType.RUNNING, local.atOffset(ZoneOffset.ofHours(2)), HOUR);
      RecordRef dest = workout("d", SportType.RUNNING, local.atOffset(ZoneOffset.ofHours(1)), HOUR);

      assertThat(matcher.match(source, dest))
          .isEqualTo(
              new SameRecord(
                  dest, new ZoneCorrected(ZoneError.SAME_LOCAL_TIME, HOUR, Duration.ZERO)));
    }

    @Test
    void a_workout_after_the_spring_forward_stamped_with_the_winter_offset_is_the_same_record() {
      RecordRef source = run("s", "2025-03-30T03:30:00+02:00", HOUR);
      RecordRef dest = run("d", "2025-03-30T03:30:20+01:00", HOUR);

      assertThat(matcher.match(source, dest))
          .isEqualTo(
              new SameRecord(
                  dest,
                  new ZoneCorrected(ZoneError.SAME_LOCAL_TIME, HOUR, Duration.ofSeconds(20))));
    }

    @Test
    void a_night_across_the_autumn_change_overlaps_by_its_real_length() {
      // 01:00+02:00 to 05:00+01:00 is 5 h of real time, not 4.
      RecordRef source =
          timed(
              "s",
              DataType.SLEEP_SESSION,
              "2025-10-26T01:00:00+02:00",
              "2025-10-26T05:00:00+01:00");
      RecordRef dest =
          timed(
              "d",
              DataType.SLEEP_SESSION,
              "2025-10-26T00:10:00+01:00",
              "2025-10-26T04:40:00+01:00");

      assertThat(matcher.match(source, dest))
          .isEqualTo(new Overlap(dest, Duration.ofHours(4).plusMinutes(30)));
    }
  }

  @Nested
  class Zone_errors {
    @Test
    void a_provider_that_writes_india_local_time_as_utc_is_5h30_off_and_still_the_same_record() {
      RecordRef zoned = run("s", "2025-01-15T07:00:00+05:30", HOUR);
      RecordRef naive = run("d", "2025-01-15T07:00:00Z", HOUR);

      assertThat(matcher.match(zoned, naive))
          .isEqualTo(
              new SameRecord(
                  naive,
                  new ZoneCorrected(
                      ZoneError.SAME_LOCAL_TIME, Duration.ofMinutes(330), Duration.ZERO)));
    }

    @Test
    void a_naive_newfoundland_time_is_3h30_off_the_other_way() {
      RecordRef zoned = run("s", "2025-01-15T06:00:00-03:30", HOUR);
      RecordRef naive = run("d", "2025-01-15T06:00:45Z", HOUR);

      assertThat(matcher.match(zoned, naive))
          .isEqualTo(
              new SameRecord(
                  naive,
                  new ZoneCorrected(
                      ZoneError.SAME_LOCAL_TIME,
                      Duration.ofMinutes(-210),
                      Duration.ofSeconds(45))));
    }

    @Test
    void newfoundland_summer_and_winter_offsets_on_the_same_local_time_are_the_same_record() {
      RecordRef source = run("s", "2025-11-02T01:30:00-02:30", HOUR);
      RecordRef dest = run("d", "2025-11-02T01:30:00-03:30", HOUR);

      assertThat(matcher.match(source, dest))
          .isEqualTo(
              new SameRecord(
                  dest, new ZoneCorrected(ZoneError.SAME_LOCAL_TIME, HOUR, Duration.ZERO)));
    }

    @Test
    void a_45_minute_shift_in_nepal_from_an_offset_truncated_to_the_hour_is_the_same_record() {
      RecordRef source = run("s", "2025-04-02T06:15:00+05:45", HOUR);
      RecordRef dest = run("d", "2025-04-02T06:15:00+05:00", HOUR);

      assertThat(matcher.match(source, dest))
          .isEqualTo(
              new SameRecord(
                  dest,
                  new ZoneCorrected(
                      ZoneError.SAME_LOCAL_TIME, Duration.ofMinutes(45), Duration.ZERO)));
    }

    @Test
    void a_naive_nepal_time_is_5h45_off_and_still_the_same_record() {
      RecordRef naive = run("s", "2025-04-02T06:15:00Z", HOUR);
      RecordRef zoned = run("d", "2025-04-02T06:15:00+05:45", HOUR);

      assertThat(matcher.match(naive, zoned))
          .isEqualTo(
              new SameRecord(
                  zoned,
                  new ZoneCorrected(
                      ZoneError.SAME_LOCAL_TIME, Duration.ofMinutes(-345), Duration.ZERO)));
    }

    @Test
    void local_time_read_as_utc_and_shown_in_another_zone_is_shifted_by_the_offset() {
      // True start 01:30Z = 07:00+05:30; the other provider took 07:00 as UTC (07:00Z) and shows
      // it in its account's zone, 08:00+01:00.
      RecordRef source = run("s", "2025-01-15T07:00:00+05:30", HOUR);
      RecordRef dest = run("d", "2025-01-15T08:00:00+01:00", HOUR);

      assertThat(matcher.match(source, dest))
          .isEqualTo(
              new SameRecord(
                  dest,
                  new ZoneCorrected(
                      ZoneError.SHIFTED_BY_OFFSET, Duration.ofMinutes(330), Duration.ZERO)));
    }

    @Test
    void a_shift_by_the_offset_between_equal_offsets_is_two_workouts() {
      // Local time read as UTC and shown in the same zone again looks exactly like a second
      // workout 5 h 30 later: keep both rather than risk losing one.
      RecordRef source = run("s", "2025-01-15T07:00:00+05:30", HOUR);
      RecordRef dest = run("d", "2025-01-15T12:30:00+05:30", HOUR);

      assertThat(matcher.match(source, dest)).isEqualTo(new NoMatch());
    }

    @Test
    void a_shift_by_the_offset_whose_ends_do_not_line_up_is_two_workouts() {
      RecordRef source = run("s", "2025-01-15T07:00:00+05:30", HOUR);
      RecordRef dest = run("d", "2025-01-15T12:30:00+05:30", Duration.ofMinutes(75));

      assertThat(matcher.match(source, dest)).isEqualTo(new NoMatch());
    }

    @Test
    void back_to_back_equal_classes_one_offset_apart_are_both_kept() {
      // 07:00-08:00 and 08:00-09:00 at +01:00: a shift by the offset with equal offsets is never
      // taken for a zone error, so the second class is not lost.
      RecordRef first = run("s", "2025-01-15T07:00:00+01:00", HOUR);
      RecordRef second = run("d", "2025-01-15T08:00:00+01:00", HOUR);

      assertThat(matcher.match(first, second)).isEqualTo(new NoMatch());
      assertThat(matcher.match(second, first)).isEqualTo(new NoMatch());
    }

    @Test
    void two_starts_both_at_utc_are_never_corrected() {
      RecordRef source = run("s", "2025-01-15T07:00:00Z", HOUR);
      RecordRef dest = run("d", "2025-01-15T12:30:00Z", HOUR);

      assertThat(matcher.match(source, dest)).isEqualTo(new NoMatch());
    }

    @Test
    void an_offset_off_the_15_minute_grid_explains_no_shift() {
      // Kolkata's 19th-century mean time, +05:53:28, against a naive time.
      OffsetDateTime local = OffsetDateTime.parse("1890-01-15T07:00:00+05:53:28");
      RecordRef source = workout("s", SportType.RUNNING, local, HOUR);
      RecordRef dest =
          workout("d", SportType.RUNNING, local.toLocalDateTime().atOffset(ZoneOffset.UTC), HOUR);

      assertThat(matcher.match(source, dest)).isEqualTo(new NoMatch());
    }

    @Test
    void a_correction_beyond_14_hours_is_not_tried() {
      // Kiribati +14:00 against Baker Island -12:00 on the same local time: 26 h.
      RecordRef source = run("s", "2025-01-15T07:00:00+14:00", HOUR);
      RecordRef dest = run("d", "2025-01-15T07:00:00-12:00", HOUR);

      assertThat(matcher.match(source, dest)).isEqualTo(new NoMatch());
    }

    @Test
    void with_corrections_off_a_naive_time_is_a_different_record() {
      RecordMatcher strict = new RecordMatcher(MatchRules.DEFAULT.withZoneErrorCorrection(false));
      RecordRef zoned = run("s", "2025-01-15T07:00:00+05:30", HOUR);
      RecordRef naive = run("d", "2025-01-15T07:00:00Z", HOUR);

      assertThat(strict.match(zoned, naive)).isEqualTo(new NoMatch());
    }
  }

  @Nested
  class Overlaps {
    @Test
    void records_touching_only_at_their_edges_do_not_overlap() {
      RecordRef first = run("s", "2025-06-01T07:00:00+01:00", HOUR);
      RecordRef next = run("d", "2025-06-01T08:00:00+01:00", Duration.ofMinutes(45));

      assertThat(matcher.match(first, next)).isEqualTo(new NoMatch());
      assertThat(
              new RecordMatcher(MatchRules.DEFAULT.withOverlapThreshold(Duration.ZERO))
                  .match(first, next))
          .isEqualTo(new NoMatch());
    }

    @Test
    void an_overlap_of_61_seconds_is_a_conflict() {
      RecordRef source = run("s", "2025-06-01T07:00:00Z", HOUR);
      RecordRef dest = run("d", "2025-06-01T07:58:59Z", HOUR);

      assertThat(matcher.match(source, dest)).isEqualTo(new Overlap(dest, Duration.ofSeconds(61)));
    }

    @Test
    void an_overlap_of_exactly_the_threshold_is_no_conflict() {
      RecordRef source = run("s", "2025-06-01T07:00:00Z", HOUR);
      RecordRef dest = run("d", "2025-06-01T07:59:00Z", HOUR);

      assertThat(matcher.match(source, dest)).isEqualTo(new NoMatch());
    }

    @Test
    void an_overlap_of_59_seconds_is_no_conflict() {
      RecordRef source = run("s", "2025-06-01T07:00:00Z", HOUR);
      RecordRef dest = run("d", "2025-06-01T07:59:01Z", HOUR);

      assertThat(matcher.match(source, dest)).isEqualTo(new NoMatch());
    }

    @Test
    void a_record_inside_another_overlaps_by_its_whole_length() {
      RecordRef source = run("s", "2025-06-01T07:00:00Z", Duration.ofHours(2));
      RecordRef dest = run("d", "2025-06-01T07:30:00Z", Duration.ofMinutes(20));

      assertThat(matcher.match(source, dest)).isEqualTo(new Overlap(dest, Duration.ofMinutes(20)));
    }

    @Test
    void overlapping_sleep_sessions_conflict() {
      RecordRef source =
          timed(
              "s",
              DataType.SLEEP_SESSION,
              "2025-06-01T23:10:00+02:00",
              "2025-06-02T07:00:00+02:00");
      RecordRef dest =
          timed("d", DataType.SLEEP_SESSION, "2025-06-01T21:30:00Z", "2025-06-02T04:45:00Z");

      assertThat(matcher.match(source, dest))
          .isEqualTo(new Overlap(dest, Duration.ofHours(7).plusMinutes(15)));
    }

    @Test
    void weighings_a_few_seconds_apart_are_the_same_and_minutes_apart_are_two() {
      RecordRef source =
          timed("s", DataType.WEIGHT, "2025-06-01T07:00:00Z", "2025-06-01T07:00:00Z");
      RecordRef close = timed("d", DataType.WEIGHT, "2025-06-01T07:00:12Z", "2025-06-01T07:00:12Z");
      RecordRef later = timed("e", DataType.WEIGHT, "2025-06-01T07:05:00Z", "2025-06-01T07:05:00Z");

      assertThat(matcher.match(source, close))
          .isEqualTo(new SameRecord(close, new EqualStarts(Duration.ofSeconds(12))));
      assertThat(matcher.match(source, later)).isEqualTo(new NoMatch());
    }
  }

  @Nested
  class Types {
    @Test
    void running_and_trail_running_are_the_same_workout() {
      RecordRef source = run("s", "2025-06-01T07:00:00Z", HOUR);
      RecordRef dest = workout("d", SportType.TRAIL_RUNNING, "2025-06-01T07:00:05Z", HOUR);

      assertThat(matcher.match(source, dest)).isInstanceOf(SameRecord.class);
    }

    @Test
    void other_matches_a_ride_and_a_missing_sport_counts_as_other() {
      RecordRef ride = workout("s", SportType.CYCLING, "2025-06-01T07:00:00Z", HOUR);
      RecordRef other = workout("d", SportType.OTHER, "2025-06-01T07:00:00Z", HOUR);
      RecordRef unknown =
          workout("e", Optional.empty(), OffsetDateTime.parse("2025-06-01T07:00:00Z"), HOUR);

      assertThat(matcher.match(ride, other)).isInstanceOf(SameRecord.class);
      assertThat(matcher.match(ride, unknown)).isInstanceOf(SameRecord.class);
    }

    @Test
    void a_ride_never_matches_or_conflicts_with_a_run() {
      RecordRef ride = workout("s", SportType.CYCLING, "2025-06-01T07:00:00Z", HOUR);
      RecordRef run = run("d", "2025-06-01T07:00:00Z", HOUR);

      assertThat(matcher.match(ride, run)).isEqualTo(new NoMatch());
    }

    @Test
    void different_data_types_never_match() {
      RecordRef workout = run("s", "2025-06-01T07:00:00Z", HOUR);
      RecordRef sleep =
          timed("d", DataType.SLEEP_SESSION, "2025-06-01T07:00:00Z", "2025-06-01T08:00:00Z");

      assertThat(matcher.match(workout, sleep)).isEqualTo(new NoMatch());
    }
  }

  @Nested
  class Daily_aggregates {
    private final LocalDate day = LocalDate.parse("2025-03-01");

    @Test
    void steps_of_the_same_local_date_collide_whatever_the_offsets() {
      RecordRef source = daily("s", DataType.STEPS, day, ZoneOffset.ofHoursMinutes(5, 30));
      RecordRef dest = daily("d", DataType.STEPS, day, ZoneOffset.ofHours(-8));

      assertThat(matcher.match(source, dest)).isEqualTo(new SameDay(dest, day));
    }

    @Test
    void resting_heart_rate_of_the_next_day_is_no_match_even_where_the_instants_overlap() {
      RecordRef source = daily("s", DataType.HEART_RATE, day, ZoneOffset.ofHours(-8));
      RecordRef dest = daily("d", DataType.HEART_RATE, day.plusDays(1), ZoneOffset.ofHours(14));

      assertThat(matcher.match(source, dest)).isEqualTo(new NoMatch());
    }

    @Test
    void steps_and_resting_heart_rate_of_one_day_do_not_match() {
      RecordRef steps = daily("s", DataType.STEPS, day, ZoneOffset.UTC);
      RecordRef heart = daily("d", DataType.HEART_RATE, day, ZoneOffset.UTC);

      assertThat(matcher.match(steps, heart)).isEqualTo(new NoMatch());
    }
  }

  @Nested
  class Choosing_among_candidates {
    private final RecordRef source = run("s", "2025-06-01T07:00:00+05:30", HOUR);

    @Test
    void nothing_at_the_destination_is_no_match() {
      assertThat(matcher.match(source, List.of())).isEqualTo(new NoMatch());
    }

    @Test
    void a_same_record_wins_over_a_conflict_with_a_closer_start() {
      RecordRef naive = run("b", "2025-06-01T07:00:00Z", HOUR);
      RecordRef close = run("a", "2025-06-01T01:45:00Z", HOUR);

      assertThat(matcher.match(source, close)).isInstanceOf(Overlap.class);
      assertThat(matcher.match(source, List.of(close, naive)))
          .isEqualTo(matcher.match(source, naive))
          .isInstanceOf(SameRecord.class);
    }

    @Test
    void a_start_match_without_correction_wins_over_a_corrected_one() {
      RecordRef naive = run("a", "2025-06-01T07:00:00Z", HOUR);
      RecordRef sameInstant = run("b", "2025-06-01T01:30:50Z", HOUR);

      assertThat(matcher.match(source, List.of(naive, sameInstant)))
          .isEqualTo(new SameRecord(sameInstant, new EqualStarts(Duration.ofSeconds(50))));
    }

    @Test
    void the_closest_start_wins() {
      RecordRef far = run("a", "2025-06-01T01:30:40Z", HOUR);
      RecordRef near = run("b", "2025-06-01T01:29:50Z", HOUR);

      assertThat(matcher.match(source, List.of(far, near)))
          .isEqualTo(new SameRecord(near, new EqualStarts(Duration.ofSeconds(-10))));
    }

    @Test
    void among_equally_close_starts_the_longest_overlap_wins() {
      RecordRef shorter = run("a", "2025-06-01T01:30:10Z", Duration.ofMinutes(30));
      RecordRef longer = run("b", "2025-06-01T01:29:50Z", Duration.ofMinutes(50));

      assertThat(matcher.match(source, List.of(shorter, longer)))
          .isEqualTo(new SameRecord(longer, new EqualStarts(Duration.ofSeconds(-10))));
    }

    @Test
    void among_conflicts_the_closest_start_then_the_longest_overlap_wins() {
      RecordRef closeShort = run("c", "2025-06-01T01:50:00Z", Duration.ofMinutes(15));
      RecordRef early = run("a", "2025-06-01T01:00:00Z", Duration.ofHours(2));
      RecordRef late = run("b", "2025-06-01T02:00:00Z", HOUR);

      assertThat(matcher.match(source, List.of(late, early, closeShort)))
          .isEqualTo(new Overlap(closeShort, Duration.ofMinutes(15)));
      assertThat(matcher.match(source, List.of(late, early))).isEqualTo(new Overlap(early, HOUR));
    }

    @Test
    void a_full_tie_goes_to_the_smallest_id_whatever_the_order() {
      RecordRef a = run("a", "2025-06-01T01:30:00Z", HOUR);
      RecordRef b = run("b", "2025-06-01T01:30:00Z", HOUR);

      assertThat(matcher.match(source, List.of(b, a))).isEqualTo(matcher.match(source, a));
      assertThat(matcher.match(source, List.of(a, b))).isEqualTo(matcher.match(source, a));
    }
  }
}
