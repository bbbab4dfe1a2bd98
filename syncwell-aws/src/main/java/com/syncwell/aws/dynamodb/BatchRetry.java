package com.syncwell.aws.dynamodb;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a batch write resends the items DynamoDB left unprocessed: at most
 * {@code maxAttempts} calls in all, pausing before each resend for a random time up to {@code
 * baseDelay × 2^(resends so far)}, capped at {@code maxDelay} ("full jitter").
 */
record BatchRetry(int maxAttempts, Duration baseDelay, Duration maxDelay) {
  /** Eight calls, 50 ms doubling up to 2 s: at most about 5 s of pauses per batch. */
  static final BatchRetry DEFAULT = new BatchRetry(8, Duration.ofMillis(50), Duration.ofSeconds(2));

  BatchRetry {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
  }

  /** The pause before the call after call number {@code attempt} (1-based). */
  Duration pauseAfter(int attempt) {
    long base = baseDelay.toMillis();
    long ceiling = Math.min(maxDelay.toMillis(), base << Math.min(attempt - 1, 20));
    return ceiling <= 0
        ? Duration.ZERO
        : Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
  }
}
