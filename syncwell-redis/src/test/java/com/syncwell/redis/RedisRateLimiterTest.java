package com.syncwell.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.engine.port.limit.RateDecision;
import com.syncwell.engine.port.limit.RateLimiter;
import com.syncwell.testkit.MutableClock;
import com.syncwell.testkit.RateLimiterContract;
import com.syncwell.testkit.servers.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rate-limiter contract against a real redis-server (one per class), plus what only a shared
 * store shows: nodes share buckets, and bucket keys expire on their own. After every test each
 * limiter must have answered everything from Redis, so the contract is not passed by the fallback.
 */
class RedisRateLimiterTest extends RateLimiterContract {
  private static RedisServer server;
  private static RedisClient inspector;
  private static StatefulRedisConnection<String, String> inspection;

  private final List<RedisRateLimiter> opened = new ArrayList<>();

  @BeforeAll
  static void startRedis() {
    server = RedisServer.started();
    inspector = RedisClient.create(server.url().toString());
    inspection = inspector.connect();
  }

  @AfterAll
  static void stopRedis() {
    inspection.close();
    inspector.shutdown();
    server.close();
  }

  @AfterEach
  void everyDecisionCameFromRedis() {
    try {
      assertThat(opened).allSatisfy(l -> assertThat(l.fallbackDecisions()).isZero());
    } finally {
      opened.forEach(RedisRateLimiter::close);
    }
  }

  @Override
  protected RateLimiter newLimiter(MutableClock clock) {
    return open(clock);
  }

  @Test
  void two_nodes_on_one_redis_share_the_burst_of_twenty() {
    RedisRateLimiter otherNode = open(clock);
    RateLimiter[] nodes = {limiter, otherNode};

    List<RateDecision> decisions =
        IntStream.range(0, 21)
            .mapToObj(i -> nodes[i % 2].tryConsume(PER_USER, key("alice")))
            .toList();

    assertThat(decisions.subList(0, 20))
        .extracting(d -> ((RateDecision.Allowed) d).remaining())
        .containsExactly(
            19L, 18L, 17L, 16L, 15L, 14L, 13L, 12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L,
            0L);
    assertThat(decisions.get(20)).isInstanceOf(RateDecision.Throttled.class);
  }

  @Test
  void a_bucket_key_expires_on_its_own_once_the_bucket_would_be_full_again() {
    limiter.tryConsume(PER_USER, key("alice"));
    limiter.tryConsume(PER_IP, key("192.0.2.1"));

    long userTtl = inspection.sync().pttl("rl:user:" + key("alice"));
    long windowTtl = inspection.sync().pttl("rl:ip:" + key("192.0.2.1"));

    long keep = RedisLimiterSettings.defaults().keepAfterFull().toMillis();
    assertThat(userTtl).isBetween(1L, 100 + keep);
    assertThat(windowTtl).isBetween(1L, 5 * 60_000 + keep);
  }

  @Test
  void bucket_keys_are_the_policy_name_and_the_callers_key() {
    limiter.tryConsume(PER_USER, key("bob"));

    assertThat(inspection.sync().exists("rl:user:" + key("bob"))).isEqualTo(1L);
    assertThat(inspection.sync().exists("rl:ip:" + key("bob"))).isZero();
  }

  private RedisRateLimiter open(Clock clock) {
    RedisRateLimiter opened = RedisRateLimiter.connect(server.url(), clock);
    this.opened.add(opened);
    return opened;
  }
}
