package com.syncwell.connector.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.syncwell.connector.RateLimited;
import com.syncwell.connector.RateWindow;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Our own account of a provider's rate limits (Bucket4j buckets, one per documented window,
 * refilled at the window's clock-aligned boundary): a call that would exceed a window is refused
 * with {@link RateLimited} before the provider has to answer 429. Usage the provider reports in its
 * headers ({@link #observeUsage}) lowers what is left, so several processes sharing one application
 * limit converge on the provider's count.
 *
 * <p>Application windows count every call; user windows count per user key (kept while used, in a
 * bounded cache). Thread-safe.
 */
public final class RateBudget {
  private static final String APPLICATION = "";

  private final String provider;
  private final List<RateWindow> windows;
  private final Clock clock;
  private final TimeMeter time;
  private final Cache<String, Map<RateWindow, Bucket>> buckets;

  public RateBudget(String provider, List<RateWindow> windows, Clock clock) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.windows = List.copyOf(windows);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.time = new ClockTimeMeter(clock);
    Duration longest =
        this.windows.stream()
            .map(RateWindow::length)
            .max(Duration::compareTo)
            .orElse(Duration.ZERO);
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfterAccess(longest.plusMinutes(1))
            .build();
  }

  /** A budget that never refuses (a provider without documented limits). */
  public static RateBudget unlimited(String provider, Clock clock) {
    return new RateBudget(provider, List.of(), clock);
  }

  /**
   * Takes one call from every window that applies to {@code userKey}, or none and throws {@link
   * RateLimited} with the time the first exhausted window refills.
   */
  public void acquire(String userKey) {
    acquire(userKey, window -> true);
  }

  /**
   * Like {@link #acquire(String)}, but takes only from the windows {@code applies} selects (a
   * provider whose read requests count against an extra, lower limit).
   */
  public void acquire(String userKey, Predicate<RateWindow> applies) {
    List<Bucket> taken = new ArrayList<>();
    for (var entry : bucketsFor(userKey).entrySet()) {
      if (!applies.test(entry.getKey())) {
        continue;
      }
      ConsumptionProbe probe = entry.getValue().tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        taken.forEach(b -> b.addTokens(1));
        Instant retryAt = clock.instant().plusNanos(probe.getNanosToWaitForRefill());
        throw new RateLimited(
            provider, retryAt, "our budget of the " + entry.getKey().name() + " limit is used up");
      }
      taken.add(entry.getValue());
    }
  }

  /** Lowers what is left in {@code window} to {@code limit - used} as the provider reports it. */
  public void observeUsage(String userKey, String windowName, long used) {
    bucketsFor(userKey)
        .forEach(
            (window, bucket) -> {
              if (window.name().equals(windowName)) {
                long target = Math.max(0, window.limit() - used);
                long available = bucket.getAvailableTokens();
                if (available > target) {
                  bucket.consumeIgnoringRateLimits(available - target);
                }
              }
            });
  }

  /** Calls left in each window for {@code userKey}, by window name. */
  public Map<String, Long> remaining(String userKey) {
    Map<String, Long> left = new LinkedHashMap<>();
    bucketsFor(userKey).forEach((w, b) -> left.put(w.name(), b.getAvailableTokens()));
    return left;
  }

  private Map<RateWindow, Bucket> bucketsFor(String userKey) {
    Map<RateWindow, Bucket> all =
        new LinkedHashMap<>(bucketsOf(APPLICATION, RateWindow.Scope.APPLICATION));
    all.putAll(bucketsOf(Objects.requireNonNull(userKey, "userKey"), RateWindow.Scope.USER));
    return all;
  }

  private Map<RateWindow, Bucket> bucketsOf(String key, RateWindow.Scope scope) {
    String cacheKey = scope + ":" + key;
    return buckets.get(
        cacheKey,
        k -> {
          Map<RateWindow, Bucket> map = new LinkedHashMap<>();
          for (RateWindow w : windows) {
            if (w.scope() == scope) {
              map.put(w, newBucket(w));
            }
          }
          return map;
        });
  }

  private Bucket newBucket(RateWindow window) {
    Instant now = clock.instant();
    long lengthMillis = window.length().toMillis();
    Instant nextBoundary =
        Instant.ofEpochMilli((now.toEpochMilli() / lengthMillis + 1) * lengthMillis);
    Bandwidth bandwidth =
        Bandwidth.builder()
            .capacity(window.limit())
            .refillIntervallyAligned(window.limit(), window.length(), nextBoundary)
            .build();
    return Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build();
  }
}
