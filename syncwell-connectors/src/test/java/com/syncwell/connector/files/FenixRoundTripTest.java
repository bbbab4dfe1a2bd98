package com.syncwell.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.syncwell.connector.files.FileReadOutcome.Read;
import com.syncwell.domain.TrackPoint;
import com.syncwell.domain.Workout;
import com.syncwell.testkit.ProviderFixtures;
import io.jenetics.jpx.WayPoint;
import io.jenetics.jpx.geom.Geoid;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real fēnix 5 run written to each format and read back. */
class FenixRoundTripTest {
  private static final Workout FENIX =
      FitCodecTest.read(ProviderFixtures.bytes("workout-files/" + "garmin-fenix-5-run.fit"))
          .workout();

  private static Workout roundTrip(WorkoutFileFormat format) {
    WorkoutFileCodec codec = WorkoutFiles.codec(format);
    byte[] written = codec.write(FENIX);
    assertThat(WorkoutFiles.detect(written)).contains(format);
    FileReadOutcome outcome = codec.read(written);
    assertThat(outcome).isInstanceOf(Read.class);
    return ((Read) outcome).workout();
  }

  @ParameterizedTest
  @EnumSource(WorkoutFileFormat.class)
  void fenix_run_loses_no_point_and_keeps_times_and_positions(WorkoutFileFormat format) {
    Workout back = roundTrip(format);

    List<TrackPoint> before = FENIX.samples();
    List<TrackPoint> after = back.samples();
    assertThat(after).hasSameSizeAs(before).hasSize(21);
    for (int i = 0; i < before.size(); i++) {
      TrackPoint a = before.get(i);
      TrackPoint b = after.get(i);
      assertThat(b.time()).isEqualTo(a.time().truncatedTo(ChronoUnit.SECONDS));
      assertThat(b.latitude()).isCloseTo(a.latitude(), within(1e-6));
      assertThat(b.longitude()).isCloseTo(a.longitude(), within(1e-6));
      assertThat(b.altitudeMetres()).isCloseTo(a.altitudeMetres(), within(0.2));
      assertThat(b.heartRateBpm()).isEqualTo(a.heartRateBpm());
      assertThat(b.cadenceRpm()).isEqualTo(a.cadenceRpm());
    }
    assertThat(back.start().toInstant()).isEqualTo(FENIX.start().toInstant());
    assertThat(back.sport()).isEqualTo(FENIX.sport());
  }

  @Test
  void fenix_run_round_trips_through_fit_without_losing_the_summary_or_offset() {
    Workout back = roundTrip(WorkoutFileFormat.FIT);

    assertThat(back.start()).isEqualTo(FENIX.start());
    assertThat(back.end()).isEqualTo(FENIX.end());
    assertThat(back.movingTime()).isEqualTo(FENIX.movingTime());
    assertThat(back.distanceMetres().getAsDouble())
        .isCloseTo(
            FENIX.distanceMetres().getAsDouble(),
            within(FENIX.distanceMetres().getAsDouble() * 0.001));
    assertThat(back.energyJoules()).isEqualTo(FENIX.energyJoules());
    assertThat(back.elevationGainMetres()).isEqualTo(FENIX.elevationGainMetres());
    assertThat(back.averageHeartRateBpm()).isEqualTo(FENIX.averageHeartRateBpm());
    assertThat(back.maxHeartRateBpm()).isEqualTo(FENIX.maxHeartRateBpm());
    assertThat(back.samples()).isEqualTo(FENIX.samples());
    assertThat(back.fingerprint()).isEqualTo(FENIX.fingerprint());
  }

  @Test
  void fenix_run_round_trips_through_tcx_keeping_distance_and_heart_rate_in_utc() {
    Workout back = roundTrip(WorkoutFileFormat.TCX);

    assertThat(back.start().toInstant()).isEqualTo(FENIX.start().toInstant());
    assertThat(back.end().toInstant()).isEqualTo(FENIX.end().toInstant());
    assertThat(back.distanceMetres().getAsDouble())
        .isCloseTo(
            FENIX.distanceMetres().getAsDouble(),
            within(FENIX.distanceMetres().getAsDouble() * 0.001));
    assertThat(back.energyJoules()).isEqualTo(FENIX.energyJoules());
    assertThat(back.averageHeartRateBpm()).isEqualTo(FENIX.averageHeartRateBpm());
    assertThat(back.maxHeartRateBpm()).isEqualTo(FENIX.maxHeartRateBpm());
    assertThat(back.samples())
        .extracting(TrackPoint::distanceMetres)
        .containsExactlyElementsOf(
            FENIX.samples().stream().map(TrackPoint::distanceMetres).toList());
    // Lost in TCX: the zone offset (times are written in UTC) and the total ascent.
    assertThat(back.start().getOffset().getTotalSeconds()).isZero();
    assertThat(back.elevationGainMetres()).isEmpty();
  }

  @Test
  void fenix_run_round_trips_through_gpx_with_the_distance_its_positions_give() {
    Workout back = roundTrip(WorkoutFileFormat.GPX);

    double geodesic =
        FENIX.samples().stream()
            .map(p -> WayPoint.of(p.latitude(), p.longitude()))
            .collect(Geoid.WGS84.toPathLength())
            .doubleValue();
    assertThat(back.distanceMetres().getAsDouble()).isCloseTo(geodesic, within(geodesic * 0.001));
    // The positions give 160.99 m where the watch measured 157.56 m: GPX has no distance field.
    assertThat(geodesic).isCloseTo(160.99, within(0.01));
    // GPX has no summary: heart rate is the mean and maximum of the samples.
    double meanOfSamples =
        FENIX.samples().stream().mapToInt(TrackPoint::heartRateBpm).average().orElseThrow();
    assertThat(back.averageHeartRateBpm()).hasValue((int) Math.round(meanOfSamples));
    assertThat(back.maxHeartRateBpm()).isEqualTo(FENIX.maxHeartRateBpm());
    assertThat(back.energyJoules()).isEmpty();
    assertThat(back.start().getOffset().getTotalSeconds()).isZero();
  }
}
