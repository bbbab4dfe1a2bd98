package com.syncwell.domain.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MatchRulesTest {

  @Test
  void the_defaults_are_60_seconds_each_with_zone_errors_corrected() {
    assertThat(MatchRules.DEFAULT)
        .isEqualTo(new MatchRules(Duration.ofSeconds(60), Duration.ofSeconds(60), true));
    assertThat(RecordMatcher.withDefaults().rules()).isEqualTo(MatchRules.DEFAULT);
  }

  @Test
  void a_start_tolerance_of_half_the_zone_grid_or_more_is_refused() {
    assertThatThrownBy(
            () -> MatchRules.DEFAULT.withStartTolerance(Duration.ofMinutes(7).plusSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("7 min 30 s");
    assertThat(
            MatchRules.DEFAULT
                .withStartTolerance(Duration.ofMinutes(7).plusSeconds(29))
                .startTolerance())
        .isEqualTo(Duration.ofSeconds(449));
  }

  @Test
  void negative_durations_are_refused() {
    assertThatThrownBy(() -> MatchRules.DEFAULT.withStartTolerance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MatchRules.DEFAULT.withOverlapThreshold(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void an_overlap_is_positive() {
    assertThatThrownBy(
            () -> new Overlap(Refs.run("d", "2025-06-01T07:00:00Z", Duration.ZERO), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
