package com.syncwell.api.limit;

import com.syncwell.engine.port.limit.RateDecision;
import com.syncwell.engine.port.limit.RatePolicy;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rate-limit response header values for one or more policies, following
 * draft-ietf-httpapi-ratelimit-headers-11 (May 2026; the field syntax is that of -08 onwards): both
 * fields are Structured Field lists of items named by the policy.
 *
 * <ul>
 *   <li>{@code RateLimit-Policy: "user";q=20;w=2} — {@code q} the bucket's capacity, {@code w} the
 *       seconds it takes to refill from empty (a token bucket of 10/s with bursts of 20: 2; a fixed
 *       window of 1,000 per 5 minutes: 300), rounded up, at least 1.
 *   <li>{@code RateLimit: "user";r=19;t=1} — {@code r} the tokens left, {@code t} the seconds until
 *       the bucket is full again, rounded up; for a throttled request {@code r=0} and {@code t} the
 *       seconds until the next token, so that {@code t} never reaches past {@code Retry-After}.
 *   <li>{@code Retry-After: 1} — only when throttled: the seconds until the next token, rounded up,
 *       at least 1.
 * </ul>
 *
 * <p>Several policies checked for one request combine with {@link #and}.
 *
 * @param rateLimitPolicy the {@code RateLimit-Policy} value
 * @param rateLimit the {@code RateLimit} value
 * @param retryAfter the {@code Retry-After} value, present when a policy throttled the request
 */
public record RateLimitHeaders(
    String rateLimitPolicy, String rateLimit, Optional<String> retryAfter) {
  public static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
  public static final String RATE_LIMIT = "RateLimit";
  public static final String RETRY_AFTER = "Retry-After";

  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

  public RateLimitHeaders {
    Objects.requireNonNull(rateLimitPolicy, "rateLimitPolicy");
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** The header values for {@code decision} under {@code policy}. */
  public static RateLimitHeaders of(RatePolicy policy, RateDecision decision) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(decision, "decision");
    String name = "\"" + policy.name() + "\"";
    String policyItem = name + ";q=" + policy.capacity() + ";w=" + window(policy);
    return switch (decision) {
      case RateDecision.Allowed a ->
          new RateLimitHeaders(
              policyItem,
              name + ";r=" + a.remaining() + ";t=" + secondsRoundedUp(a.untilFull()),
              Optional.empty());
      case RateDecision.Throttled t -> {
        long retry = Math.max(1, secondsRoundedUp(t.retryAfter()));
        yield new RateLimitHeaders(
            policyItem, name + ";r=0;t=" + retry, Optional.of(Long.toString(retry)));
      }
    };
  }

  /**
   * These values and {@code other}'s, for a request checked against several policies: the lists
   * joined, and the longer {@code Retry-After} of the two.
   */
  public RateLimitHeaders and(RateLimitHeaders other) {
    Optional<String> retry =
        Stream.of(retryAfter, other.retryAfter)
            .flatMap(Optional::stream)
            .map(Long::parseLong)
            .max(Long::compare)
            .map(String::valueOf);
    return new RateLimitHeaders(
        rateLimitPolicy + ", " + other.rateLimitPolicy, rateLimit + ", " + other.rateLimit, retry);
  }

  /** The headers by name, {@code Retry-After} only when present; in a stable order. */
  public Map<String, String> asMap() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(RATE_LIMIT_POLICY, rateLimitPolicy);
    headers.put(RATE_LIMIT, rateLimit);
    retryAfter.ifPresent(v -> headers.put(RETRY_AFTER, v));
    return headers;
  }

  /** Seconds to refill {@code capacity} tokens from empty, rounded up, at least 1. */
  private static long window(RatePolicy policy) {
    Duration period = policy.refillPeriod();
    BigInteger fillNanos =
        BigInteger.valueOf(period.getSeconds())
            .multiply(NANOS_PER_SECOND)
            .add(BigInteger.valueOf(period.getNano()))
            .multiply(BigInteger.valueOf(policy.capacity()));
    BigInteger perSecond = BigInteger.valueOf(policy.refillTokens()).multiply(NANOS_PER_SECOND);
    BigInteger seconds = fillNanos.add(perSecond).subtract(BigInteger.ONE).divide(perSecond);
    return Math.max(1, seconds.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue());
  }

  private static long secondsRoundedUp(Duration d) {
    if (d.isNegative() || d.isZero()) {
      return 0;
    }
    return d.getNano() == 0 ? d.getSeconds() : d.getSeconds() + 1;
  }
}
