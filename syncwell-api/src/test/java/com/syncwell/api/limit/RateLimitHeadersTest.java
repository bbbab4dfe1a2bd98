package com.syncwell.api.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.engine.port.limit.RateDecision;
import com.syncwell.engine.port.limit.RatePolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {
  private static final RatePolicy USER = RatePolicy.tokenBucket("user", 10, 20);
  private static final RatePolicy IP = RatePolicy.window("ip", 1000, Duration.ofMinutes(5));

  @Test
  void an_allowed_request_reports_the_policy_what_is_left_and_when_the_bucket_is_full() {
    RateLimitHeaders h =
        RateLimitHeaders.of(USER, new RateDecision.Allowed(19, Duration.ofMillis(100)));

    assertThat(h.rateLimitPolicy()).isEqualTo("\"user\";q=20;w=2");
    assertThat(h.rateLimit()).isEqualTo("\"user\";r=19;t=1");
    assertThat(h.retryAfter()).isEmpty();
  }

  @Test
  void a_fixed_window_has_its_length_as_window() {
    RateLimitHeaders h =
        RateLimitHeaders.of(IP, new RateDecision.Allowed(998, Duration.ofSeconds(180)));

    assertThat(h.rateLimitPolicy()).isEqualTo("\"ip\";q=1000;w=300");
    assertThat(h.rateLimit()).isEqualTo("\"ip\";r=998;t=180");
  }

  @Test
  void a_throttled_request_gets_retry_after_in_whole_seconds_rounded_up() {
    RateLimitHeaders h =
        RateLimitHeaders.of(IP, new RateDecision.Throttled(Duration.ofSeconds(239, 1)));

    assertThat(h.rateLimit()).isEqualTo("\"ip\";r=0;t=240");
    assertThat(h.retryAfter()).contains("240");
  }

  @Test
  void retry_after_is_at_least_one_second() {
    RateLimitHeaders h =
        RateLimitHeaders.of(USER, new RateDecision.Throttled(Duration.ofMillis(1)));
    RateLimitHeaders zero = RateLimitHeaders.of(USER, new RateDecision.Throttled(Duration.ZERO));

    assertThat(h.retryAfter()).contains("1");
    assertThat(h.rateLimit()).isEqualTo("\"user\";r=0;t=1");
    assertThat(zero.retryAfter()).contains("1");
  }

  @Test
  void until_full_of_whole_seconds_is_not_rounded_further() {
    RateLimitHeaders h =
        RateLimitHeaders.of(USER, new RateDecision.Allowed(0, Duration.ofSeconds(2)));

    assertThat(h.rateLimit()).isEqualTo("\"user\";r=0;t=2");
  }

  @Test
  void the_window_of_a_token_bucket_is_its_time_to_fill_from_empty_rounded_up() {
    RatePolicy slow = new RatePolicy("slow", 5, 2, Duration.ofSeconds(1), true);
    RatePolicy fast = RatePolicy.tokenBucket("fast", 100, 20);

    assertThat(RateLimitHeaders.of(slow, allowed()).rateLimitPolicy())
        .isEqualTo("\"slow\";q=5;w=3");
    assertThat(RateLimitHeaders.of(fast, allowed()).rateLimitPolicy())
        .isEqualTo("\"fast\";q=20;w=1");
  }

  @Test
  void two_policies_combine_into_lists_with_the_longer_retry_after() {
    RateLimitHeaders user =
        RateLimitHeaders.of(USER, new RateDecision.Throttled(Duration.ofMillis(100)));
    RateLimitHeaders ip =
        RateLimitHeaders.of(IP, new RateDecision.Throttled(Duration.ofSeconds(42)));

    RateLimitHeaders both = user.and(ip);

    assertThat(both.rateLimitPolicy()).isEqualTo("\"user\";q=20;w=2, \"ip\";q=1000;w=300");
    assertThat(both.rateLimit()).isEqualTo("\"user\";r=0;t=1, \"ip\";r=0;t=42");
    assertThat(both.retryAfter()).contains("42");
    assertThat(ip.and(user).retryAfter()).contains("42");
  }

  @Test
  void an_allowed_and_a_throttled_policy_combine_with_the_throttled_retry_after() {
    RateLimitHeaders user = RateLimitHeaders.of(USER, allowed());
    RateLimitHeaders ip =
        RateLimitHeaders.of(IP, new RateDecision.Throttled(Duration.ofSeconds(9)));

    assertThat(user.and(ip).retryAfter()).contains("9");
    assertThat(user.and(user).retryAfter()).isEmpty();
  }

  @Test
  void as_map_names_the_headers_and_has_retry_after_only_when_throttled() {
    assertThat(RateLimitHeaders.of(USER, allowed()).asMap())
        .containsExactly(
            Map.entry("RateLimit-Policy", "\"user\";q=20;w=2"),
            Map.entry("RateLimit", "\"user\";r=19;t=1"));
    assertThat(
            RateLimitHeaders.of(USER, new RateDecision.Throttled(Duration.ofMillis(100))).asMap())
        .containsEntry("Retry-After", "1");
    assertThat(new RateLimitHeaders("p", "r", Optional.of("3")).asMap()).hasSize(3);
  }

  private static RateDecision allowed() {
    return new RateDecision.Allowed(19, Duration.ofMillis(100));
  }
}
