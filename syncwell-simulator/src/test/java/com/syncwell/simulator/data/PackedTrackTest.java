package com.syncwell.simulator.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.connector.files.FileReadOutcome;
import com.syncwell.connector.files.WorkoutFiles;
import com.syncwell.domain.TrackPoint;
import com.syncwell.testkit.ProviderFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackedTrackTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garmin-fenix-5-run.fit",
        "strava-android-app-201.10-b1218918.fit",
        "tcxparser-test-forerunner410-run.tcx",
        "around-visnjan-with-car.gpx"
      })
  void real_workout_files_pack_losslessly_into_a_fraction_of_their_objects(String file) {
    FileReadOutcome read = WorkoutFiles.read(ProviderFixtures.bytes("workout-files/" + file));
    List<TrackPoint> points = ((FileReadOutcome.Read) read).workout().samples();
    assertThat(points).hasSizeGreaterThan(10);

    List<TrackPoint> packed = PackedTrack.of(points);

    assertThat(packed).isEqualTo(points).hasSameSizeAs(points);
    assertThat(new ArrayList<>(packed)).containsExactlyElementsOf(points);
    assertThat(packed.get(0)).isEqualTo(points.get(0));
    assertThat(packed.get(points.size() / 2)).isEqualTo(points.get(points.size() / 2));
    assertThat(packed.get(points.size() - 1)).isEqualTo(points.get(points.size() - 1));
    // a TrackPoint with its boxed values takes well over 100 bytes on the heap
    assertThat(((PackedTrack) packed).packedBytes()).isLessThan(points.size() * 40);
  }

  @Test
  void absent_values_sub_second_times_and_extremes_survive_packing() {
    Instant t = Instant.parse("2026-03-29T00:59:59.250Z");
    List<TrackPoint> points =
        List.of(
            TrackPoint.at(t),
            TrackPoint.at(t.plusNanos(1)).withPosition(-90, 180).withHeartRate(300),
            TrackPoint.at(t.plusSeconds(1)).withAltitude(-0.0).withDistance(0.0).withPower(0),
            TrackPoint.at(t.plusSeconds(2)).withPosition(0.0, -180).withCadence(0),
            TrackPoint.at(t.plusSeconds(3)));

    assertThat(PackedTrack.of(points)).containsExactlyElementsOf(points);
  }

  @Test
  void packing_an_empty_or_already_packed_track_changes_nothing() {
    assertThat(PackedTrack.of(List.of())).isEmpty();
    List<TrackPoint> once = PackedTrack.of(List.of(TrackPoint.at(Instant.EPOCH)));
    assertThat(PackedTrack.of(once)).isSameAs(once);
  }
}
