package com.syncwell.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SportTypeTest {

  @Test
  void running_and_trail_running_can_be_the_same_workout() {
    assertThat(SportType.RUNNING.isCompatibleWith(SportType.TRAIL_RUNNING)).isTrue();
    assertThat(SportType.TRAIL_RUNNING.isCompatibleWith(SportType.RUNNING)).isTrue();
  }

  @Test
  void a_ride_is_never_a_run() {
    assertThat(SportType.CYCLING.isCompatibleWith(SportType.RUNNING)).isFalse();
    assertThat(SportType.SWIMMING.isCompatibleWith(SportType.ROWING)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(SportType.class)
  void other_matches_anything(SportType type) {
    assertThat(SportType.OTHER.isCompatibleWith(type)).isTrue();
    assertThat(type.isCompatibleWith(SportType.OTHER)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(SportType.class)
  void every_type_is_compatible_with_itself(SportType type) {
    assertThat(type.isCompatibleWith(type)).isTrue();
  }
}
