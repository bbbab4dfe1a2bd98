package com.syncwell.api.metrics;

import com.syncwell.engine.port.limit.LimiterState;
import com.syncwell.engine.port.limit.RateDecision;
import com.syncwell.engine.port.limit.RateLimiter;
import com.syncwell.engine.port.limit.RatePolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * A {@link RateLimiter} that counts its refusals: {@code syncwell.ratelimit.rejections} by {@code
 * policy} ({@code user}, {@code ip}; any other policy name as {@code other}). Decisions and state
 * are the delegate's; thread-safe as the delegate is.
 */
public final class MeteredRateLimiter implements RateLimiter {
  private final RateLimiter delegate;
  private final MeterRegistry registry;

  public MeteredRateLimiter(RateLimiter delegate, MeterRegistry registry) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public RateDecision tryConsume(RatePolicy policy, String key) {
    RateDecision decision = delegate.tryConsume(policy, key);
    if (decision instanceof RateDecision.Throttled) {
      Counter.builder("syncwell.ratelimit.rejections")
          .description("Requests refused by a rate-limit policy (429)")
          .tag(MetricDimensions.POLICY, MetricDimensions.policy(policy.name()))
          .register(registry)
          .increment();
    }
    return decision;
  }

  @Override
  public LimiterState state() {
    return delegate.state();
  }
}
