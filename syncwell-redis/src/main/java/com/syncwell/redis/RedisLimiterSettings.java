package com.syncwell.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of {@link RedisRateLimiter}.
 *
 * @param commandTimeout how long one Redis command may take before the decision falls back to the
 *     local limiter (issue #6: 100 ms)
 * @param decisionTimeout an upper bound on one whole Redis decision; Bucket4j's compare-and-swap
 *     may take a few round trips when many requests race on one bucket, so this is above {@code
 *     commandTimeout}; a healthy Redis answers a decision in well under a millisecond
 * @param connectTimeout how long {@link RedisRateLimiter#connect} waits for the first connection
 *     before it starts in fallback mode (and keeps connecting in the background)
 * @param probeInterval during an outage, how often (by the limiter's clock) one request tries Redis
 *     again; all other requests are answered locally without waiting
 * @param keepAfterFull how long a bucket's key lives in Redis after the bucket would be full again
 *     (a missing key is a full bucket, so this only absorbs clock skew between nodes)
 * @param localMaxBuckets the bound of the local fallback limiter's bucket map
 */
public record RedisLimiterSettings(
    Duration commandTimeout,
    Duration decisionTimeout,
    Duration connectTimeout,
    Duration probeInterval,
    Duration keepAfterFull,
    long localMaxBuckets) {

  public RedisLimiterSettings {
    positive(commandTimeout, "commandTimeout");
    positive(decisionTimeout, "decisionTimeout");
    positive(connectTimeout, "connectTimeout");
    positive(probeInterval, "probeInterval");
    positive(keepAfterFull, "keepAfterFull");
    if (decisionTimeout.compareTo(commandTimeout) < 0) {
      throw new IllegalArgumentException("decisionTimeout must be at least commandTimeout");
    }
    if (localMaxBuckets < 1) {
      throw new IllegalArgumentException("localMaxBuckets must be positive");
    }
  }

  /**
   * 100 ms per command, 500 ms per decision, 2 s to connect, a probe every second during an outage,
   * keys kept 10 s after their bucket is full, 100,000 local buckets.
   */
  public static RedisLimiterSettings defaults() {
    return new RedisLimiterSettings(
        Duration.ofMillis(100),
        Duration.ofMillis(500),
        Duration.ofSeconds(2),
        Duration.ofSeconds(1),
        Duration.ofSeconds(10),
        100_000);
  }

  /**
   * These settings with another command timeout (the decision bound stays at least five times it).
   */
  public RedisLimiterSettings withCommandTimeout(Duration timeout) {
    positive(timeout, "commandTimeout");
    Duration decision = timeout.multipliedBy(5);
    return new RedisLimiterSettings(
        timeout,
        decision.compareTo(decisionTimeout) > 0 ? decision : decisionTimeout,
        connectTimeout,
        probeInterval,
        keepAfterFull,
        localMaxBuckets);
  }

  /** These settings with another probe interval. */
  public RedisLimiterSettings withProbeInterval(Duration interval) {
    return new RedisLimiterSettings(
        commandTimeout, decisionTimeout, connectTimeout, interval, keepAfterFull, localMaxBuckets);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }
}
