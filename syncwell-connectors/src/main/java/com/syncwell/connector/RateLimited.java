package com.syncwell.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The provider's rate limit (or our own budget of it) is used up until {@code retryAt}. Not a
 * failure: the work is re-queued for after that time.
 */
public final class RateLimited extends ProviderException {
  private static final long serialVersionUID = 1L;
  private final Instant retryAt;

  public RateLimited(String provider, Instant retryAt, String message) {
    super(provider, message, null);
    this.retryAt = Objects.requireNonNull(retryAt, "retryAt");
  }

  public Instant retryAt() {
    return retryAt;
  }

  /** How long from the clock's now until the limit resets; never negative. */
  public Duration retryAfter(Clock clock) {
    Duration d = Duration.between(clock.instant(), retryAt);
    return d.isNegative() ? Duration.ZERO : d;
  }
}
