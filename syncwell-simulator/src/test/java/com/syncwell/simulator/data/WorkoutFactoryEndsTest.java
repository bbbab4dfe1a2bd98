package com.syncwell.simulator.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.domain.TrackPoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkoutFactoryEndsTest {
  private static TrackPoint at(int s) {
    return TrackPoint.at(Instant.EPOCH.plusSeconds(s)).withPosition(s, s);
  }

  @Test
  void ends_keep_the_first_and_last_point_of_a_track_and_short_tracks_whole() {
    List<TrackPoint> track = List.of(at(0), at(1), at(2), at(3));

    assertThat(WorkoutFactory.ends(track)).containsExactly(at(0), at(3));
    assertThat(WorkoutFactory.ends(List.of(at(0), at(1)))).containsExactly(at(0), at(1));
    assertThat(WorkoutFactory.ends(List.of())).isEmpty();
  }
}
