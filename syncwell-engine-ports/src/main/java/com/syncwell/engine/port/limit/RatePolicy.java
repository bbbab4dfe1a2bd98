package com.syncwell.engine.port.limit;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bucket shape: {@code capacity} tokens at most, {@code refillTokens} added every {@code
 * refillPeriod}. {@code greedy} refills continuously (a token bucket: 10/s is one token every 100
 * ms); otherwise all {@code refillTokens} arrive at once at the end of each period (a fixed window,
 * e.g. 1,000 per 5 minutes).
 *
 * @param name stable, short, lower-case; part of bucket keys and of the {@code RateLimit-Policy}
 *     header
 */
public record RatePolicy(
    String name, long capacity, long refillTokens, Duration refillPeriod, boolean greedy) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  public RatePolicy {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("policy name must match " + NAME + ", was " + name);
    }
    if (capacity < 1 || refillTokens < 1) {
      throw new IllegalArgumentException("capacity and refill must be positive");
    }
    Objects.requireNonNull(refillPeriod, "refillPeriod");
    if (refillPeriod.isNegative() || refillPeriod.isZero()) {
      throw new IllegalArgumentException("refill period must be positive");
    }
  }

  /**
   * A continuously refilling token bucket: {@code perSecond} tokens a second, up to {@code burst}.
   */
  public static RatePolicy tokenBucket(String name, long perSecond, long burst) {
    return new RatePolicy(name, burst, perSecond, Duration.ofSeconds(1), true);
  }

  /** A fixed window: {@code limit} requests per {@code window}. */
  public static RatePolicy window(String name, long limit, Duration window) {
    return new RatePolicy(name, limit, limit, window, false);
  }
}
