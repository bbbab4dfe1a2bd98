package com.syncwell.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.engine.port.limit.RateDecision;
import com.syncwell.engine.port.limit.RateLimiter;
import com.syncwell.engine.port.limit.RatePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RateLimiter} adapter proves (ARCHITECTURE.md §9 limits), written
 * against the port only: the per-user token bucket (10/s, burst 20) and the per-IP fixed window
 * (1,000 per 5 minutes). An adapter's test extends this class and implements {@link #newLimiter},
 * called before every test with a clock starting at 2026-01-01T00:00:00Z that only the test moves.
 *
 * <p>Every test uses keys under a fresh random prefix, so adapters on a shared store (Redis) need
 * no cleanup between tests. Durations are compared to within {@link #PRECISION}, so an adapter may
 * keep time in milliseconds. Nothing here sleeps.
 */
public abstract class RateLimiterContract {
  /** The per-user policy of ARCHITECTURE.md §9: 10 requests a second, bursts of 20. */
  protected static final RatePolicy PER_USER = RatePolicy.tokenBucket("user", 10, 20);

  /** The per-IP policy of ARCHITECTURE.md §9: 1,000 requests per 5-minute window. */
  protected static final RatePolicy PER_IP = RatePolicy.window("ip", 1000, Duration.ofMinutes(5));

  /** How far a reported duration may be from the exact one. */
  protected static final Duration PRECISION = Duration.ofMillis(1);

  private static final Duration TOKEN = Duration.ofMillis(100);
  private static final Duration WINDOW = Duration.ofMinutes(5);
  private static final long BOUND_SECONDS = 60;

  protected MutableClock clock;
  protected RateLimiter limiter;
  private String prefix;
  private final List<ExecutorService> pools = new ArrayList<>();

  /** A new limiter whose buckets refill by {@code clock}. */
  protected abstract RateLimiter newLimiter(MutableClock clock);

  /** Lets time pass for the limiter. */
  protected void advance(Duration d) {
    clock.advance(d);
  }

  @BeforeEach
  void createLimiter() {
    clock = MutableClock.startingAtNewYear();
    limiter = newLimiter(clock);
    prefix = "t-" + UUID.randomUUID() + "-";
  }

  @AfterEach
  void stopThreads() {
    pools.forEach(ExecutorService::shutdownNow);
  }

  // --- token bucket ---

  @Test
  void burst_of_twenty_passes_and_the_twenty_first_is_throttled() {
    List<RateDecision> decisions = consume(PER_USER, "alice", 21);

    assertThat(decisions.subList(0, 20)).allMatch(RateDecision.Allowed.class::isInstance);
    assertThat(decisions.get(20)).isInstanceOf(RateDecision.Throttled.class);
  }

  @Test
  void remaining_counts_down_from_nineteen_to_zero() {
    List<Long> remaining =
        consume(PER_USER, "alice", 20).stream().map(d -> allowed(d).remaining()).toList();

    assertThat(remaining).containsExactlyElementsOf(countdownFrom(19));
  }

  @Test
  void one_token_comes_back_every_hundred_milliseconds() {
    consume(PER_USER, "alice", 20);

    advance(TOKEN);
    assertThat(limiter.tryConsume(PER_USER, key("alice"))).isInstanceOf(RateDecision.Allowed.class);
    assertThat(limiter.tryConsume(PER_USER, key("alice")))
        .isInstanceOf(RateDecision.Throttled.class);

    advance(Duration.ofSeconds(1));
    List<RateDecision> next = consume(PER_USER, "alice", 11);
    assertThat(next.subList(0, 10)).allMatch(RateDecision.Allowed.class::isInstance);
    assertThat(next.get(10)).isInstanceOf(RateDecision.Throttled.class);
  }

  @Test
  void an_empty_bucket_is_full_again_after_two_seconds() {
    consume(PER_USER, "alice", 21);

    advance(Duration.ofSeconds(2));
    List<RateDecision> next = consume(PER_USER, "alice", 21);

    assertThat(allowed(next.get(0)).remaining()).isEqualTo(19);
    assertThat(next.subList(0, 20)).allMatch(RateDecision.Allowed.class::isInstance);
    assertThat(next.get(20)).isInstanceOf(RateDecision.Throttled.class);
  }

  @Test
  void throttled_requests_take_no_token() {
    consume(PER_USER, "alice", 20);
    List<RateDecision> refused = consume(PER_USER, "alice", 5);

    advance(TOKEN);

    assertThat(refused).allMatch(RateDecision.Throttled.class::isInstance);
    assertThat(allowed(limiter.tryConsume(PER_USER, key("alice"))).remaining()).isZero();
  }

  @Test
  void retry_after_of_a_throttled_request_is_the_time_to_the_next_token() {
    consume(PER_USER, "alice", 20);

    assertThat(throttled(limiter.tryConsume(PER_USER, key("alice"))).retryAfter())
        .isCloseTo(TOKEN, PRECISION);
    advance(Duration.ofMillis(40));
    assertThat(throttled(limiter.tryConsume(PER_USER, key("alice"))).retryAfter())
        .isCloseTo(Duration.ofMillis(60), PRECISION);
  }

  @Test
  void until_full_is_the_time_to_refill_what_was_taken() {
    RateDecision.Allowed first = allowed(limiter.tryConsume(PER_USER, key("alice")));
    assertThat(first.untilFull()).isCloseTo(TOKEN, PRECISION);

    RateDecision.Allowed sixth = allowed(consume(PER_USER, "alice", 5).get(4));
    assertThat(sixth.remaining()).isEqualTo(14);
    assertThat(sixth.untilFull()).isCloseTo(Duration.ofMillis(600), PRECISION);

    advance(Duration.ofMillis(300));
    RateDecision.Allowed later = allowed(limiter.tryConsume(PER_USER, key("alice")));
    assertThat(later.remaining()).isEqualTo(16);
    assertThat(later.untilFull()).isCloseTo(Duration.ofMillis(400), PRECISION);
  }

  // --- fixed window ---

  @Test
  void a_window_passes_a_thousand_requests_and_throttles_the_next_until_the_window_ends() {
    List<RateDecision> firstHalf = consume(PER_IP, "192.0.2.1", 500);
    advance(Duration.ofMinutes(1));
    List<RateDecision> secondHalf = consume(PER_IP, "192.0.2.1", 500);

    RateDecision next = limiter.tryConsume(PER_IP, key("192.0.2.1"));

    assertThat(firstHalf).allMatch(RateDecision.Allowed.class::isInstance);
    assertThat(secondHalf).allMatch(RateDecision.Allowed.class::isInstance);
    assertThat(throttled(next).retryAfter()).isCloseTo(Duration.ofMinutes(4), PRECISION);
  }

  @Test
  void remaining_in_a_window_counts_down_and_until_full_is_the_window_end() {
    RateDecision.Allowed first = allowed(limiter.tryConsume(PER_IP, key("192.0.2.1")));
    advance(Duration.ofMinutes(2));
    RateDecision.Allowed second = allowed(limiter.tryConsume(PER_IP, key("192.0.2.1")));

    assertThat(first.remaining()).isEqualTo(999);
    assertThat(first.untilFull()).isCloseTo(WINDOW, PRECISION);
    assertThat(second.remaining()).isEqualTo(998);
    assertThat(second.untilFull()).isCloseTo(Duration.ofMinutes(3), PRECISION);
  }

  @Test
  void a_window_gives_nothing_back_before_it_ends() {
    consume(PER_IP, "192.0.2.1", 1000);

    advance(WINDOW.minusSeconds(1));

    assertThat(throttled(limiter.tryConsume(PER_IP, key("192.0.2.1"))).retryAfter())
        .isCloseTo(Duration.ofSeconds(1), PRECISION);
  }

  @Test
  void a_new_window_starts_after_five_minutes() {
    consume(PER_IP, "192.0.2.1", 1001);

    advance(WINDOW);
    List<RateDecision> next = consume(PER_IP, "192.0.2.1", 1001);

    assertThat(allowed(next.get(0)).remaining()).isEqualTo(999);
    assertThat(next.subList(0, 1000)).allMatch(RateDecision.Allowed.class::isInstance);
    assertThat(throttled(next.get(1000)).retryAfter()).isCloseTo(WINDOW, PRECISION);
  }

  // --- isolation ---

  @Test
  void keys_are_independent() {
    consume(PER_USER, "alice", 21);

    List<RateDecision> bob = consume(PER_USER, "bob", 20);

    assertThat(bob).allMatch(RateDecision.Allowed.class::isInstance);
    assertThat(allowed(bob.get(0)).remaining()).isEqualTo(19);
  }

  @Test
  void policies_with_the_same_key_are_independent() {
    RatePolicy exports = RatePolicy.tokenBucket("export", 10, 20);
    consume(PER_USER, "shared", 21);

    RateDecision window = limiter.tryConsume(PER_IP, key("shared"));
    RateDecision other = limiter.tryConsume(exports, key("shared"));

    assertThat(allowed(window).remaining()).isEqualTo(999);
    assertThat(allowed(other).remaining()).isEqualTo(19);
  }

  // --- concurrency ---

  @Test
  void sixty_four_racing_threads_on_a_fresh_bucket_of_twenty_get_exactly_twenty_tokens()
      throws Exception {
    int threads = 64;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    pools.add(pool);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch start = new CountDownLatch(1);
    String racedKey = key("raced");
    List<Future<RateDecision>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      results.add(
          pool.submit(
              () -> {
                ready.countDown();
                start.await();
                return limiter.tryConsume(PER_USER, racedKey);
              }));
    }
    assertThat(ready.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();

    start.countDown();
    List<RateDecision> decisions = new ArrayList<>();
    for (Future<RateDecision> f : results) {
      decisions.add(f.get(BOUND_SECONDS, TimeUnit.SECONDS));
    }

    List<Long> remaining =
        decisions.stream()
            .filter(RateDecision.Allowed.class::isInstance)
            .map(d -> allowed(d).remaining())
            .toList();
    assertThat(remaining).containsExactlyInAnyOrderElementsOf(countdownFrom(19));
    assertThat(decisions.stream().filter(RateDecision.Throttled.class::isInstance))
        .hasSize(threads - 20);
  }

  // --- helpers ---

  /** {@code name} under this test's prefix. */
  protected String key(String name) {
    return prefix + name;
  }

  private List<RateDecision> consume(RatePolicy policy, String name, int times) {
    String k = key(name);
    return IntStream.range(0, times).mapToObj(i -> limiter.tryConsume(policy, k)).toList();
  }

  private static RateDecision.Allowed allowed(RateDecision d) {
    assertThat(d).isInstanceOf(RateDecision.Allowed.class);
    return (RateDecision.Allowed) d;
  }

  private static RateDecision.Throttled throttled(RateDecision d) {
    assertThat(d).isInstanceOf(RateDecision.Throttled.class);
    return (RateDecision.Throttled) d;
  }

  /** {@code top, top - 1, ..., 0}. */
  private static List<Long> countdownFrom(long top) {
    return IntStream.rangeClosed(0, (int) top).mapToObj(i -> top - i).toList();
  }
}
