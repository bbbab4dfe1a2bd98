package com.syncwell.api.http;

import com.syncwell.api.metrics.MetricDimensions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * What {@link IdempotencyGate} answered without running the handler: {@code
 * syncwell.idempotency.outcomes} by {@code result} — {@code replayed} (the stored response), {@code
 * in_flight} (409, the first request still runs), {@code key_reused} (422, another request).
 * Thread-safe.
 */
public final class IdempotencyMetrics {
  /** Counts nothing (tests and tools without a registry). */
  public static final IdempotencyMetrics NONE = new IdempotencyMetrics(null);

  private final Counter replayed;
  private final Counter inFlight;
  private final Counter keyReused;

  public IdempotencyMetrics(MeterRegistry registry) {
    this.replayed = registry == null ? null : counter(registry, "replayed");
    this.inFlight = registry == null ? null : counter(registry, "in_flight");
    this.keyReused = registry == null ? null : counter(registry, "key_reused");
  }

  private static Counter counter(MeterRegistry registry, String result) {
    Objects.requireNonNull(registry, "registry");
    return Counter.builder("syncwell.idempotency.outcomes")
        .description("Idempotent requests answered from the key's record: replays and conflicts")
        .tag(MetricDimensions.RESULT, result)
        .register(registry);
  }

  void replayed() {
    increment(replayed);
  }

  void inFlight() {
    increment(inFlight);
  }

  void keyReused() {
    increment(keyReused);
  }

  private static void increment(Counter counter) {
    if (counter != null) {
      counter.increment();
    }
  }
}
