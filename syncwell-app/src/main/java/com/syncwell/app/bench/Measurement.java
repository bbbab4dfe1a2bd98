package com.syncwell.app.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/** Result of one benchmark: operations done, time taken and per-operation latencies. */
public record Measurement(String name, long operations, Duration elapsed, long[] latencyNanos) {

  public double operationsPerSecond() {
    return operations / (elapsed.toNanos() / 1e9);
  }

  /** The latency at {@code percentile} (0–100) of the recorded operations, in microseconds. */
  public double latencyMicros(double percentile) {
    if (latencyNanos.length == 0) {
      return Double.NaN;
    }
    long[] sorted = latencyNanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1_000.0;
  }

  public String line() {
    return String.format(
        Locale.ROOT,
        "%-34s %,12.0f ops/s   p50 %,8.1f µs   p99 %,8.1f µs   (%,d ops in %.1f s)",
        name,
        operationsPerSecond(),
        latencyMicros(50),
        latencyMicros(99),
        operations,
        elapsed.toNanos() / 1e9);
  }
}
