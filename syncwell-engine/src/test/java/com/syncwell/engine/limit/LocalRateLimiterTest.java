package com.syncwell.engine.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.engine.port.limit.RateDecision;
import com.syncwell.engine.port.limit.RateLimiter;
import com.syncwell.testkit.MutableClock;
import com.syncwell.testkit.RateLimiterContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest extends RateLimiterContract {

  @Override
  protected RateLimiter newLimiter(MutableClock clock) {
    return new LocalRateLimiter(clock);
  }

  @Test
  void the_map_stays_bounded_however_many_keys_are_seen() {
    LocalRateLimiter small = new LocalRateLimiter(clock, 100);

    for (int i = 0; i < 10_000; i++) {
      small.tryConsume(PER_IP, "198.51.100." + i);
    }

    assertThat(small.bucketCount()).isLessThanOrEqualTo(100);
  }

  @Test
  void a_bucket_is_forgotten_once_it_would_be_full_again() {
    LocalRateLimiter local = new LocalRateLimiter(clock);
    local.tryConsume(PER_USER, "alice");
    local.tryConsume(PER_USER, "alice");
    local.tryConsume(PER_IP, "192.0.2.1");

    advance(Duration.ofMillis(199));
    assertThat(local.bucketCount()).isEqualTo(2);
    advance(Duration.ofSeconds(2));
    assertThat(local.bucketCount()).isEqualTo(1);
    advance(Duration.ofMinutes(10));
    assertThat(local.bucketCount()).isZero();
  }

  @Test
  void each_use_keeps_a_bucket_until_it_would_be_full_after_that_use() {
    LocalRateLimiter local = new LocalRateLimiter(clock);
    for (int i = 0; i < 20; i++) {
      local.tryConsume(PER_USER, "alice");
    }
    advance(Duration.ofMillis(1900));

    RateDecision late = local.tryConsume(PER_USER, "alice");

    assertThat(late).isEqualTo(new RateDecision.Allowed(18, Duration.ofMillis(200)));
    advance(Duration.ofMillis(199));
    assertThat(local.bucketCount()).isEqualTo(1);
    advance(Duration.ofSeconds(2));
    assertThat(local.bucketCount()).isZero();
  }

  @Test
  void a_forgotten_bucket_comes_back_full() {
    LocalRateLimiter local = new LocalRateLimiter(clock);
    for (int i = 0; i < 21; i++) {
      local.tryConsume(PER_USER, "alice");
    }

    advance(Duration.ofMinutes(1));

    assertThat(local.bucketCount()).isZero();
    assertThat(local.tryConsume(PER_USER, "alice"))
        .isEqualTo(new RateDecision.Allowed(19, Duration.ofMillis(100)));
  }

  @Test
  void a_bound_below_one_is_rejected() {
    assertThatThrownBy(() -> new LocalRateLimiter(clock, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
