package com.syncwell.connector.http;

import com.syncwell.connector.AuthorizationRevoked;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.RateLimited;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;

/**
 * The circuit breaker of one provider: opens when at least half of the last 20 or more calls failed
 * transiently or were slower than 5 s, and lets a few trial calls through after 30 s. Rate limits,
 * permanent failures and revoked grants say nothing about the provider's health and are not
 * counted.
 */
public final class ProviderCircuitBreaker {
  private ProviderCircuitBreaker() {}

  public static CircuitBreaker forProvider(String provider) {
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(20)
            .minimumNumberOfCalls(20)
            .failureRateThreshold(50)
            .slowCallDurationThreshold(Duration.ofSeconds(5))
            .slowCallRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(30))
            .permittedNumberOfCallsInHalfOpenState(3)
            .ignoreExceptions(RateLimited.class, Permanent.class, AuthorizationRevoked.class)
            .build();
    return CircuitBreaker.of(provider, config);
  }
}
