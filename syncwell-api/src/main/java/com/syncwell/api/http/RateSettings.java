package com.syncwell.api.http;

import com.syncwell.engine.port.limit.RatePolicy;
import java.time.Duration;
import java.util.List;

/**
 * The API's request limits (ARCHITECTURE.md §9): a token bucket per user and a fixed window per
 * client IP, and the proxies whose {@code X-Forwarded-For} is believed.
 *
 * @param trustedProxies IP addresses or CIDR ranges of the load balancers in front of the API
 */
public record RateSettings(
    long userPerSecond, long userBurst, long ipPerFiveMinutes, List<String> trustedProxies) {
  public static final Duration IP_WINDOW = Duration.ofMinutes(5);

  public RateSettings {
    if (userPerSecond < 1 || userBurst < 1 || ipPerFiveMinutes < 1) {
      throw new IllegalArgumentException("rate limits must be positive");
    }
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** 10/s burst 20 per user, 1,000 per 5 minutes per IP, no trusted proxies. */
  public static RateSettings defaults() {
    return new RateSettings(10, 20, 1_000, List.of());
  }

  public RateSettings withTrustedProxies(List<String> proxies) {
    return new RateSettings(userPerSecond, userBurst, ipPerFiveMinutes, proxies);
  }

  /** The per-user token bucket, policy name {@code user}. */
  public RatePolicy userPolicy() {
    return RatePolicy.tokenBucket("user", userPerSecond, userBurst);
  }

  /** The per-IP fixed window, policy name {@code ip}. */
  public RatePolicy ipPolicy() {
    return RatePolicy.window("ip", ipPerFiveMinutes, IP_WINDOW);
  }
}
