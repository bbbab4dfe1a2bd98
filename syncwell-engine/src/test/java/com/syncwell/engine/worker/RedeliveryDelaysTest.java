package com.syncwell.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RedeliveryDelaysTest {
  private static final RandomGenerator NO_JITTER = () -> 0L;
  private static final RandomGenerator FULL_JITTER = () -> -1L;
  private static final Duration BASE = Duration.ofSeconds(30);

  @Test
  void failure_delays_double_with_each_delivery() {
    RedeliveryDelays delays = new RedeliveryDelays(BASE, NO_JITTER);

    assertThat(delays.afterFailure(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(delays.afterFailure(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(delays.afterFailure(5)).isEqualTo(Duration.ofMinutes(8));
  }

  @Test
  void failure_jitter_adds_at_most_half_so_delays_still_grow() {
    RedeliveryDelays most = new RedeliveryDelays(BASE, FULL_JITTER);
    RedeliveryDelays random = new RedeliveryDelays(BASE, new SplittableRandom(7));

    assertThat(most.afterFailure(1)).isEqualTo(Duration.ofSeconds(45));
    for (int n = 1; n < 10; n++) {
      assertThat(random.afterFailure(n))
          .isBetween(
              BASE.multipliedBy(1L << (n - 1)), BASE.multipliedBy(3L << (n - 1)).dividedBy(2));
      assertThat(most.afterFailure(n))
          .isLessThan(new RedeliveryDelays(BASE, NO_JITTER).afterFailure(n + 1));
    }
  }

  @Test
  void every_delay_is_capped_at_twelve_hours() {
    RedeliveryDelays delays = new RedeliveryDelays(BASE, FULL_JITTER);

    assertThat(delays.afterFailure(40)).isEqualTo(Duration.ofHours(12));
    assertThat(delays.afterRateLimit(Duration.ofHours(8))).isEqualTo(Duration.ofHours(12));
    assertThat(delays.afterRateLimit(Duration.ofDays(3))).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void a_rate_limit_waits_for_the_reset_plus_a_full_jitter() {
    Duration reset = Duration.ofMinutes(6);

    assertThat(new RedeliveryDelays(BASE, NO_JITTER).afterRateLimit(reset)).isEqualTo(reset);
    assertThat(new RedeliveryDelays(BASE, FULL_JITTER).afterRateLimit(reset))
        .isEqualTo(reset.multipliedBy(2));
    RedeliveryDelays random = new RedeliveryDelays(BASE, new SplittableRandom(3));
    for (int i = 0; i < 100; i++) {
      assertThat(random.afterRateLimit(reset)).isBetween(reset, reset.multipliedBy(2));
    }
  }

  @Test
  void a_reset_already_past_still_waits_a_little() {
    RedeliveryDelays delays = new RedeliveryDelays(BASE, NO_JITTER);

    assertThat(delays.afterRateLimit(Duration.ofSeconds(-3)))
        .isEqualTo(RedeliveryDelays.MIN_RATE_LIMIT_WAIT);
    assertThat(delays.afterRateLimit(Duration.ZERO))
        .isEqualTo(RedeliveryDelays.MIN_RATE_LIMIT_WAIT);
  }
}
