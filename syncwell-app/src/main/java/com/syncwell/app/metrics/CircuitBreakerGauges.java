package com.syncwell.app.metrics;

import com.syncwell.api.metrics.MetricDimensions;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * {@code syncwell.provider.circuit.state} by {@code provider} and {@code state}: 1 for the state
 * the provider's circuit breaker is in, 0 for the others (closed, open, half_open, and
 * resilience4j's disabled, forced_open and metrics_only). Read from the breaker at each scrape; no
 * polling.
 */
public final class CircuitBreakerGauges {
  private CircuitBreakerGauges() {}

  public static void register(String provider, CircuitBreaker breaker, MeterRegistry registry) {
    String p = MetricDimensions.provider(provider);
    for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
      Gauge.builder(
              "syncwell.provider.circuit.state", breaker, b -> b.getState() == state ? 1.0 : 0.0)
          .description("1 for the state a provider's circuit breaker is in, 0 for the others")
          .tag(MetricDimensions.PROVIDER, p)
          .tag(MetricDimensions.STATE, state.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }
}
