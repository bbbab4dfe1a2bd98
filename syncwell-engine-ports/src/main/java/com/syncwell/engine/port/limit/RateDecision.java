package com.syncwell.engine.port.limit;

import java.time.Duration;
import java.util.Objects;

/** What {@link RateLimiter#tryConsume} decided. */
public sealed interface RateDecision {

  /**
   * The request may proceed.
   *
   * @param remaining tokens left in the bucket after this one
   * @param untilFull how long until the bucket is full again (the {@code RateLimit} reset)
   */
  record Allowed(long remaining, Duration untilFull) implements RateDecision {
    public Allowed {
      Objects.requireNonNull(untilFull, "untilFull");
    }
  }

  /**
   * The bucket is empty.
   *
   * @param retryAfter how long until the next token (rounded up to whole seconds on the wire)
   */
  record Throttled(Duration retryAfter) implements RateDecision {
    public Throttled {
      Objects.requireNonNull(retryAfter, "retryAfter");
    }
  }
}
