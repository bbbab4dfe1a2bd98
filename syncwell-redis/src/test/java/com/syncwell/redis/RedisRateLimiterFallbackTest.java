package com.syncwell.redis;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.syncwell.engine.port.limit.RateDecision;
import com.syncwell.engine.port.limit.RatePolicy;
import com.syncwell.testkit.MutableClock;
import com.syncwell.testkit.servers.RedisServer;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Redis outages against a real redis-server that the tests kill, restart and freeze (one server per
 * class, running again after every test). "Waits at most once per probe interval" is checked as a
 * count of failed Redis requests, and "each wait is bounded" by the kind of failure Lettuce reports
 * (a command timeout, or an immediate rejection): no test measures time.
 */
class RedisRateLimiterFallbackTest {
  private static final RatePolicy PER_USER = RatePolicy.tokenBucket("user", 10, 20);
  private static final Duration PROBE = Duration.ofSeconds(1);
  private static final Duration BOUND = Duration.ofSeconds(30);

  private static RedisServer server;

  private final List<RedisRateLimiter> opened = new ArrayList<>();
  private final MutableClock clock = MutableClock.startingAtNewYear();
  private final RecordingListener heard = new RecordingListener();
  private final String user = "t-" + UUID.randomUUID();
  private ListAppender<ILoggingEvent> logs;

  @BeforeAll
  static void startRedis() {
    server = RedisServer.started();
  }

  @AfterAll
  static void stopRedis() {
    server.close();
  }

  @BeforeEach
  void captureLogs() {
    logs = new ListAppender<>();
    logs.start();
    limiterLog().addAppender(logs);
  }

  @AfterEach
  void restoreRedis() {
    limiterLog().detachAppender(logs);
    server.thaw();
    opened.forEach(RedisRateLimiter::close);
    server.start();
  }

  @Test
  void with_redis_down_every_request_is_answered_locally_and_only_the_first_waits_on_redis() {
    RedisRateLimiter node = open(heard);
    consume(node, 5);
    assertThat(node.fallbackDecisions()).isZero();

    server.stop();
    List<RateDecision> during = consume(node, 30);

    assertThat(during.subList(0, 20)).allMatch(RateDecision.Allowed.class::isInstance);
    assertThat(during.subList(20, 30)).allMatch(RateDecision.Throttled.class::isInstance);
    assertThat(node.fallbackDecisions()).isEqualTo(30);
    assertThat(heard.localAnswers).hasValue(30);
    assertThat(node.failedRedisRequests()).isEqualTo(1);
    assertThat(heard.failures).singleElement().isInstanceOf(RedisException.class);
    assertThat(node.redisAvailable()).isFalse();
    assertThat(node.state()).isEqualTo(com.syncwell.engine.port.limit.LimiterState.FALLBACK);
  }

  @Test
  void a_hung_redis_is_abandoned_at_the_command_timeout_once_per_probe_interval() {
    RedisRateLimiter node = open(heard);
    consume(node, 1);

    server.freeze();
    List<RateDecision> during = consume(node, 10);
    assertThat(node.failedRedisRequests()).isEqualTo(1);

    clock.advance(PROBE);
    consume(node, 10);

    assertThat(during).allMatch(RateDecision.Allowed.class::isInstance);
    assertThat(node.fallbackDecisions()).isEqualTo(20);
    assertThat(node.failedRedisRequests()).isEqualTo(2);
    assertThat(heard.failures)
        .hasSize(2)
        .allSatisfy(f -> assertThat(f).isInstanceOf(RedisCommandTimeoutException.class));
  }

  @Test
  void when_redis_returns_the_node_uses_it_again_and_sees_buckets_drained_by_other_nodes() {
    RedisRateLimiter node = open(heard);
    server.stop();
    consume(node, 3);
    assertThat(node.fallbackDecisions()).isEqualTo(3);

    server.start();
    awaitTrue(node::redisConnected);
    clock.advance(PROBE);
    RedisRateLimiter otherNode = open(new RecordingListener());
    List<RateDecision> drained = consume(otherNode, 20);

    RateDecision seen = node.tryConsume(PER_USER, user);

    assertThat(drained).allMatch(RateDecision.Allowed.class::isInstance);
    assertThat(otherNode.fallbackDecisions()).isZero();
    assertThat(seen).isInstanceOf(RateDecision.Throttled.class);
    assertThat(node.fallbackDecisions()).isEqualTo(3);
    assertThat(node.redisAvailable()).isTrue();
    assertThat(node.state()).isEqualTo(com.syncwell.engine.port.limit.LimiterState.SHARED);
    assertThat(heard.recoveries).hasValue(1);
  }

  @Test
  void a_node_started_while_redis_is_down_answers_locally_and_connects_when_redis_comes() {
    server.stop();
    RedisRateLimiter node = open(heard);

    List<RateDecision> before = consume(node, 2);
    assertThat(before).allMatch(RateDecision.Allowed.class::isInstance);
    assertThat(node.fallbackDecisions()).isEqualTo(2);

    server.start();
    clock.advance(PROBE);
    node.tryConsume(PER_USER, "t-probe-" + user);
    awaitTrue(node::redisAvailable);
    consume(open(new RecordingListener()), 20);

    assertThat(node.tryConsume(PER_USER, user)).isInstanceOf(RateDecision.Throttled.class);
    assertThat(node.fallbackDecisions()).isEqualTo(3);
    assertThat(heard.recoveries).hasValue(1);
  }

  @Test
  void the_outage_warning_is_logged_at_most_once_a_minute_and_names_no_key() {
    RedisRateLimiter node = open(heard);
    server.stop();

    consume(node, 50);
    for (int second = 1; second < 60; second++) {
      clock.advance(PROBE);
      consume(node, 2);
    }
    assertThat(warnings()).hasSize(1);

    clock.advance(PROBE);
    consume(node, 2);

    assertThat(warnings()).hasSize(2);
    assertThat(warnings()).allSatisfy(w -> assertThat(w).doesNotContain(user));
  }

  private RedisRateLimiter open(FallbackListener listener) {
    RedisRateLimiter node =
        RedisRateLimiter.connect(
            server.url(),
            clock,
            RedisLimiterSettings.defaults().withProbeInterval(PROBE),
            listener);
    opened.add(node);
    return node;
  }

  private List<RateDecision> consume(RedisRateLimiter node, int times) {
    return IntStream.range(0, times).mapToObj(i -> node.tryConsume(PER_USER, user)).toList();
  }

  private List<String> warnings() {
    return logs.list.stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private static Logger limiterLog() {
    return (Logger) LoggerFactory.getLogger(RedisRateLimiter.class);
  }

  /** Bounded polling: Lettuce reconnects in the background. */
  private static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within %s", BOUND).isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }
}
