package com.syncwell.connector.strava;

import com.syncwell.connector.RateWindow;
import com.syncwell.connector.http.RateBudget;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Strava's application-wide limits: overall 200 per 15 minutes and 2,000 per day, and the lower
 * read ("non-upload") limit of 100 per 15 minutes and 1,000 per day that every request except
 * uploads and activity creation counts against. Windows reset at the quarter hour and at midnight
 * UTC. Reports the usage in {@code X-RateLimit-*} and {@code X-ReadRateLimit-*} to the budget.
 */
public final class StravaRateLimits implements BiConsumer<String, HttpHeaders> {
  public static final String OVERALL_15_MIN = "15min";
  public static final String OVERALL_DAILY = "daily";
  public static final String READ_15_MIN = "read-15min";
  public static final String READ_DAILY = "read-daily";

  public static final List<RateWindow> WINDOWS =
      List.of(
          new RateWindow(OVERALL_15_MIN, Duration.ofMinutes(15), 200, RateWindow.Scope.APPLICATION),
          new RateWindow(OVERALL_DAILY, Duration.ofDays(1), 2_000, RateWindow.Scope.APPLICATION),
          new RateWindow(READ_15_MIN, Duration.ofMinutes(15), 100, RateWindow.Scope.APPLICATION),
          new RateWindow(READ_DAILY, Duration.ofDays(1), 1_000, RateWindow.Scope.APPLICATION));

  private final RateBudget budget;

  public StravaRateLimits(RateBudget budget) {
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  /**
   * Whether {@code request} takes from {@code window}: the read windows count everything but the
   * POSTs (uploads, manual activities); the overall windows count every request.
   */
  public static boolean applies(HttpRequest request, RateWindow window) {
    return !isReadWindow(window) || !request.method().equals("POST");
  }

  private static boolean isReadWindow(RateWindow window) {
    return window.name().startsWith("read-");
  }

  @Override
  public void accept(String budgetKey, HttpHeaders headers) {
    report(budgetKey, headers, "X-RateLimit", OVERALL_15_MIN, OVERALL_DAILY);
    report(budgetKey, headers, "X-ReadRateLimit", READ_15_MIN, READ_DAILY);
  }

  private void report(
      String key, HttpHeaders headers, String prefix, String shortWindow, String dailyWindow) {
    Optional<long[]> usage = pair(headers, prefix + "-Usage");
    if (usage.isEmpty()) {
      return;
    }
    Optional<long[]> limit = pair(headers, prefix + "-Limit");
    budget.observeUsage(key, shortWindow, effectiveUsed(shortWindow, usage.get()[0], limit, 0));
    budget.observeUsage(key, dailyWindow, effectiveUsed(dailyWindow, usage.get()[1], limit, 1));
  }

  /**
   * The usage to report so that what is left is the provider's {@code limit - used}, at most our
   * configured capacity (the provider's limit may be lower or higher than the documented default).
   */
  private static long effectiveUsed(String window, long used, Optional<long[]> limit, int index) {
    long configured = configuredLimit(window);
    long actual = limit.map(l -> l[index]).orElse(configured);
    long left = Math.min(configured, Math.max(0, actual - used));
    return configured - left;
  }

  private static long configuredLimit(String name) {
    return WINDOWS.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow().limit();
  }

  /**
   * When a 429 ends: the next midnight UTC when a daily count is used up, else the quarter hour.
   */
  public static Instant resetAfterLimit(HttpHeaders headers, Instant now) {
    if (dailyExhausted(headers, "X-RateLimit") || dailyExhausted(headers, "X-ReadRateLimit")) {
      return now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    }
    long quarter = Duration.ofMinutes(15).toSeconds();
    return Instant.ofEpochSecond((now.getEpochSecond() / quarter + 1) * quarter);
  }

  private static boolean dailyExhausted(HttpHeaders headers, String prefix) {
    Optional<long[]> usage = pair(headers, prefix + "-Usage");
    Optional<long[]> limit = pair(headers, prefix + "-Limit");
    return usage.isPresent() && limit.isPresent() && usage.get()[1] >= limit.get()[1];
  }

  /** Two comma-separated integers ("15-minute, daily"), or empty when absent or malformed. */
  static Optional<long[]> pair(HttpHeaders headers, String name) {
    Optional<String> value = headers.firstValue(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = value.get().split(",");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new long[] {Long.parseLong(parts[0].strip()), Long.parseLong(parts[1].strip())});
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
