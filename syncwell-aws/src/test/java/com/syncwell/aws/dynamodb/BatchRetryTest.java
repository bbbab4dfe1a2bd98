package com.syncwell.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchRetryTest {
  @Test
  void pauses_are_random_up_to_a_ceiling_that_doubles_until_the_cap() {
    BatchRetry retry = new BatchRetry(8, Duration.ofMillis(50), Duration.ofMillis(300));
    long[] ceilings = {50, 100, 200, 300, 300, 300, 300};

    for (int attempt = 1; attempt <= ceilings.length; attempt++) {
      for (int sample = 0; sample < 200; sample++) {
        assertThat(retry.pauseAfter(attempt))
            .as("after attempt %d", attempt)
            .isBetween(Duration.ZERO, Duration.ofMillis(ceilings[attempt - 1]));
      }
    }
  }

  @Test
  void the_default_pauses_a_batch_for_at_most_a_few_seconds_in_all() {
    BatchRetry retry = BatchRetry.DEFAULT;
    long worst = 0;
    for (int attempt = 1; attempt < retry.maxAttempts(); attempt++) {
      worst += Math.min(retry.maxDelay().toMillis(), retry.baseDelay().toMillis() << (attempt - 1));
    }

    assertThat(worst).isLessThanOrEqualTo(Duration.ofSeconds(6).toMillis());
  }

  @Test
  void zero_delays_never_pause() {
    assertThat(new BatchRetry(3, Duration.ZERO, Duration.ZERO).pauseAfter(2)).isZero();
  }
}
