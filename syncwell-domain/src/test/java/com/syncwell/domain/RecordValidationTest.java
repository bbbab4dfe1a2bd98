package com.syncwell.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RecordValidationTest {
  private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-20T07:30:00Z");

  @Test
  void a_workout_cannot_end_before_it_starts() {
    assertThatThrownBy(() -> Workout.of(SportType.RUNNING, T, T.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void workout_samples_must_be_in_time_order() {
    Workout w = Workout.of(SportType.RUNNING, T, T.plusMinutes(5));
    List<TrackPoint> backwards =
        List.of(TrackPoint.at(T.plusSeconds(2).toInstant()), TrackPoint.at(T.toInstant()));

    assertThatThrownBy(() -> w.withSamples(backwards)).hasMessageContaining("time order");
  }

  @Test
  void workout_measures_must_be_plausible() {
    Workout w = Workout.of(SportType.RUNNING, T, T.plusMinutes(5));
    assertThatThrownBy(() -> w.withDistance(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> w.withDistance(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> w.withHeartRate(0, 150)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> w.withMovingTime(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_workout_reports_its_elapsed_duration_and_type() {
    Workout w = Workout.of(SportType.HIKING, T, T.plusMinutes(95));
    assertThat(w.duration()).isEqualTo(Duration.ofMinutes(95));
    assertThat(w.dataType()).isEqualTo(DataType.WORKOUT);
  }

  @Test
  void a_track_point_has_both_coordinates_or_neither() {
    Instant t = T.toInstant();
    assertThatThrownBy(() -> new TrackPoint(t, 45.0, null, null, null, null, null, null))
        .hasMessageContaining("together");
    assertThatThrownBy(() -> TrackPoint.at(t).withPosition(91, 0)).hasMessageContaining("latitude");
    assertThatThrownBy(() -> TrackPoint.at(t).withPosition(0, 180.5))
        .hasMessageContaining("longitude");
    assertThat(TrackPoint.at(t).withPosition(45.3, 13.6).hasPosition()).isTrue();
  }

  @Test
  void time_asleep_cannot_exceed_time_in_bed() {
    assertThatThrownBy(
            () ->
                new SleepSession(
                    T, T.plusHours(8), Duration.ofHours(7), Duration.ofHours(8), List.of()))
        .hasMessageContaining("asleep");
  }

  @Test
  void sleep_stages_must_be_in_time_order() {
    Instant t = T.toInstant();
    List<SleepStage> stages =
        List.of(
            new SleepStage(t.plusSeconds(600), t.plusSeconds(900), SleepStageType.DEEP),
            new SleepStage(t, t.plusSeconds(600), SleepStageType.LIGHT));

    assertThatThrownBy(
            () ->
                new SleepSession(
                    T, T.plusHours(1), Duration.ofHours(1), Duration.ofMinutes(50), stages))
        .hasMessageContaining("order");
  }

  @Test
  void body_mass_and_fat_must_be_plausible() {
    assertThatThrownBy(() -> new BodyWeight(T, 0, OptionalDouble.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BodyWeight(T, 80, OptionalDouble.of(101)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void daily_counts_must_not_be_negative() {
    LocalDate day = LocalDate.parse("2026-11-20");
    assertThatThrownBy(() -> new DailySteps(day, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HeartRateDaily(day, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_record_ref_needs_an_id_and_an_ordered_span() {
    assertThatThrownBy(
            () ->
                new RecordRef(
                    "strava",
                    "",
                    DataType.WORKOUT,
                    T,
                    T.plusHours(1),
                    Optional.empty(),
                    0,
                    Optional.empty(),
                    Optional.empty()))
        .hasMessageContaining("id");
    assertThatThrownBy(
            () ->
                new RecordRef(
                    "strava",
                    "1",
                    DataType.WORKOUT,
                    T,
                    T.minusSeconds(1),
                    Optional.empty(),
                    0,
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wire_names_parse_back_to_their_enums() {
    for (DataType t : DataType.values()) {
      assertThat(DataType.fromWireName(t.wireName())).contains(t);
    }
    for (ConflictStrategy s : ConflictStrategy.values()) {
      assertThat(ConflictStrategy.fromWireName(s.wireName())).contains(s);
    }
    assertThat(DataType.fromWireName("WORKOUT")).isEmpty();
    assertThat(ConflictStrategy.fromWireName("sourceWins")).isEmpty();
  }
}
