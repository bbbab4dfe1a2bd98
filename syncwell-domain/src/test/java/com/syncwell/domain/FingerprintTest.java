package com.syncwell.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static final OffsetDateTime START = OffsetDateTime.parse("2026-11-20T07:30:00+01:00");

  private static Workout run() {
    return Workout.of(SportType.RUNNING, START, START.plusMinutes(42))
        .withDistance(10_012.4)
        .withEnergy(2_500_000)
        .withHeartRate(151, 178);
  }

  @Test
  void the_fingerprint_is_the_sha256_of_the_text() {
    assertThat(Fingerprint.of("abc"))
        .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void the_same_content_always_has_the_same_fingerprint() {
    assertThat(run().fingerprint()).isEqualTo(run().fingerprint()).startsWith("sha256:");
  }

  @Test
  void noise_below_the_kept_precision_does_not_change_the_fingerprint() {
    assertThat(run().withDistance(10_012.41).fingerprint()).isEqualTo(run().fingerprint());
  }

  @Test
  void a_real_change_changes_the_fingerprint() {
    assertThat(run().withDistance(10_020).fingerprint()).isNotEqualTo(run().fingerprint());
    assertThat(run().withHeartRate(152, 178).fingerprint()).isNotEqualTo(run().fingerprint());
    assertThat(run().withSamples(List.of(TrackPoint.at(START.toInstant()))).fingerprint())
        .isNotEqualTo(run().fingerprint());
  }

  @Test
  void the_same_instant_in_another_offset_is_another_local_record() {
    Workout utc =
        Workout.of(
            SportType.RUNNING,
            START.withOffsetSameInstant(java.time.ZoneOffset.UTC),
            START.plusMinutes(42).withOffsetSameInstant(java.time.ZoneOffset.UTC));
    Workout local = Workout.of(SportType.RUNNING, START, START.plusMinutes(42));

    assertThat(utc.fingerprint()).isNotEqualTo(local.fingerprint());
  }

  @Test
  void records_of_different_types_never_share_a_fingerprint() {
    LocalDate day = LocalDate.parse("2026-11-20");
    assertThat(new DailySteps(day, 60).fingerprint())
        .isNotEqualTo(new HeartRateDaily(day, 60).fingerprint());
  }

  @Test
  void every_record_type_has_a_fingerprint() {
    SleepSession sleep =
        new SleepSession(
            START, START.plusHours(8), Duration.ofHours(8), Duration.ofHours(7), List.of());
    BodyWeight weight = new BodyWeight(START, 72.5, OptionalDouble.of(18.2));

    assertThat(sleep.fingerprint()).isNotEqualTo(weight.fingerprint());
    assertThat(weight.fingerprint())
        .isNotEqualTo(new BodyWeight(START, 72.6, OptionalDouble.of(18.2)).fingerprint());
  }
}
