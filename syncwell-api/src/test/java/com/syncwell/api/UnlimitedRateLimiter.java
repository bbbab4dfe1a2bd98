package com.syncwell.api;

import com.syncwell.engine.port.limit.RateDecision;
import com.syncwell.engine.port.limit.RateLimiter;
import com.syncwell.engine.port.limit.RatePolicy;
import java.time.Duration;

/** Lets everything through (tests that are not about limits). */
final class UnlimitedRateLimiter implements RateLimiter {
  @Override
  public RateDecision tryConsume(RatePolicy policy, String key) {
    return new RateDecision.Allowed(policy.capacity() - 1, Duration.ofMillis(100));
  }
}
