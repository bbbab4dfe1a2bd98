package com.syncwell.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class StopwatchTest {
  @Test
  void threads_share_the_work_without_repeating_an_index_and_every_operation_is_counted()
      throws Exception {
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Stopwatch stopwatch = new Stopwatch(Duration.ofMillis(10), Duration.ofMillis(40));

    Measurement m =
        stopwatch.time(
            "indices",
            4,
            i -> {
              assertThat(seen.add(i)).as("index %d handed out twice", i).isTrue();
              threads.add(Thread.currentThread().getName());
              return 1;
            });

    assertThat(threads).hasSize(4);
    assertThat(m.operations()).isPositive().isLessThanOrEqualTo(seen.size());
    assertThat(m.latencyNanos()).hasSize((int) m.operations());
  }
}
