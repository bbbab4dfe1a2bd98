package com.syncwell.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.connector.RateLimited;
import com.syncwell.connector.RateWindow;
import com.syncwell.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateBudgetTest {
  private static final RateWindow QUARTER =
      new RateWindow("15min", Duration.ofMinutes(15), 200, RateWindow.Scope.APPLICATION);
  private static final RateWindow DAY =
      new RateWindow("daily", Duration.ofDays(1), 2000, RateWindow.Scope.APPLICATION);
  private static final RateWindow PER_USER_MINUTE =
      new RateWindow("user-minute", Duration.ofMinutes(1), 300, RateWindow.Scope.USER);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:07:30Z"));

  private static void take(RateBudget budget, String key, int n) {
    for (int i = 0; i < n; i++) {
      budget.acquire(key);
    }
  }

  @Test
  void the_call_past_the_window_limit_is_refused_until_the_next_quarter_hour() {
    RateBudget budget = new RateBudget("strava", List.of(QUARTER, DAY), clock);
    take(budget, "u", 200);

    assertThatThrownBy(() -> budget.acquire("u"))
        .isInstanceOfSatisfying(
            RateLimited.class,
            e -> assertThat(e.retryAt()).isEqualTo(Instant.parse("2026-11-29T10:15:00Z")));
  }

  @Test
  void the_window_refills_at_its_clock_aligned_boundary() {
    RateBudget budget = new RateBudget("strava", List.of(QUARTER, DAY), clock);
    take(budget, "u", 200);

    clock.advance(Duration.ofMinutes(7).plusSeconds(30));

    budget.acquire("u");
    assertThat(budget.remaining("u")).containsEntry("15min", 199L).containsEntry("daily", 1799L);
  }

  @Test
  void a_refusal_by_one_window_takes_nothing_from_the_others() {
    RateBudget budget =
        new RateBudget(
            "strava",
            List.of(
                new RateWindow("daily", Duration.ofDays(1), 5, RateWindow.Scope.APPLICATION),
                new RateWindow("15min", Duration.ofMinutes(15), 3, RateWindow.Scope.APPLICATION)),
            clock);
    take(budget, "u", 3);

    assertThatThrownBy(() -> budget.acquire("u")).isInstanceOf(RateLimited.class);
    assertThat(budget.remaining("u")).containsEntry("daily", 2L);
  }

  @Test
  void usage_reported_by_the_provider_lowers_what_is_left() {
    RateBudget budget = new RateBudget("strava", List.of(QUARTER, DAY), clock);

    budget.observeUsage("u", "15min", 195);
    take(budget, "u", 5);

    assertThatThrownBy(() -> budget.acquire("u")).isInstanceOf(RateLimited.class);
    assertThat(budget.remaining("u")).containsEntry("daily", 1995L);
  }

  @Test
  void reported_usage_below_our_own_count_changes_nothing() {
    RateBudget budget = new RateBudget("strava", List.of(QUARTER), clock);
    take(budget, "u", 50);

    budget.observeUsage("u", "15min", 10);

    assertThat(budget.remaining("u")).containsEntry("15min", 150L);
  }

  @Test
  void user_windows_count_each_user_apart() {
    RateBudget budget = new RateBudget("fitbit", List.of(PER_USER_MINUTE), clock);
    take(budget, "alice", 300);

    assertThatThrownBy(() -> budget.acquire("alice"))
        .isInstanceOfSatisfying(
            RateLimited.class,
            e -> assertThat(e.retryAt()).isEqualTo(Instant.parse("2026-11-29T10:08:00Z")));
    budget.acquire("bob");
  }

  @Test
  void an_unlimited_budget_never_refuses() {
    RateBudget budget = RateBudget.unlimited("oura", clock);
    take(budget, "u", 10_000);
    assertThat(budget.remaining("u")).isEmpty();
  }
}
