package com.syncwell.redis;

import com.syncwell.engine.limit.ClockTimeMeter;
import com.syncwell.engine.limit.LocalRateLimiter;
import com.syncwell.engine.port.limit.LimiterState;
import com.syncwell.engine.port.limit.RateDecision;
import com.syncwell.engine.port.limit.RateLimiter;
import com.syncwell.engine.port.limit.RatePolicy;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RateLimiter} shared by every node on one Redis: a Bucket4j bucket per {@code (policy,
 * key)} stored under the key {@code rl:<policy name>:<key>} (UTF-8 bytes) and updated by
 * compare-and-swap through Lettuce. Buckets are shaped as {@link LocalRateLimiter} shapes them (a
 * greedy policy refills continuously, another is a fixed window starting with its first request),
 * and each key expires on its own {@link RedisLimiterSettings#keepAfterFull()} after its bucket
 * would be full again.
 *
 * <p><b>Time:</b> refills follow the injected {@link Clock} of the deciding node (Bucket4j's client
 * clock), so nodes must keep their clocks in sync (NTP); tests drive refills with a test clock. The
 * outage probe interval and the warning interval follow the same clock.
 *
 * <p><b>Failure:</b> Redis trouble never reaches the caller. A command that gets no answer within
 * {@link RedisLimiterSettings#commandTimeout()} (100 ms), a refused command while the connection is
 * down (Lettuce rejects instead of buffering), or a decision not done within {@link
 * RedisLimiterSettings#decisionTimeout()} is answered by a per-node {@link LocalRateLimiter}. From
 * then on every request is answered locally without contacting Redis, except one request per {@link
 * RedisLimiterSettings#probeInterval()} which tries Redis again; its success switches the node
 * back. So during an outage a request waits on Redis at most once per probe interval, and then at
 * most the command timeout (or nothing, when the connection is known to be down). Each local
 * decision is counted ({@link #fallbackDecisions()} and the {@link FallbackListener}); a WARN line
 * (no keys, no ids) is logged at most once a minute. Lettuce reconnects on its own in the
 * background. While a node answers locally, a caller can get up to the full limit from every node;
 * when Redis comes back its buckets are as they were (or full, if Redis lost its data). A command
 * that timed out on the client may still be applied by a slow Redis later, taking a token.
 *
 * <p><b>Threading:</b> safe for concurrent use; Bucket4j's compare-and-swap retries when two
 * requests race on one bucket, so two callers never both get its last token. {@link #tryConsume}
 * blocks the calling thread (fine on virtual threads) until Redis answers or a timeout passes.
 *
 * <p><b>Lifecycle:</b> {@link #connect} starts in fallback mode if Redis cannot be reached within
 * {@link RedisLimiterSettings#connectTimeout()} and keeps connecting in the background; {@link
 * #close()} releases the Redis client, after which every decision is local.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
  private static final long WARN_INTERVAL_MILLIS = Duration.ofMinutes(1).toMillis();
  private static final Duration RECONNECT_DELAY_MIN = Duration.ofMillis(10);
  private static final Duration RECONNECT_DELAY_MAX = Duration.ofSeconds(1);
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

  private final Clock clock;
  private final RedisLimiterSettings settings;
  private final FallbackListener listener;
  private final ClockTimeMeter time;
  private final LocalRateLimiter local;
  private final OutageGate gate;
  private final ClientResources resources;
  private final RedisClient client;
  private final RedisURI uri;
  private final AtomicReference<Remote> remote = new AtomicReference<>();
  private final AtomicBoolean connecting = new AtomicBoolean();
  private final LongAdder fallbackDecisions = new LongAdder();
  private final LongAdder failedRedisRequests = new LongAdder();
  private volatile String lastFailure = "none";
  private volatile boolean closed;

  private RedisRateLimiter(
      URI redisUrl, Clock clock, RedisLimiterSettings settings, FallbackListener listener) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.time = new ClockTimeMeter(clock);
    this.local = new LocalRateLimiter(clock, settings.localMaxBuckets());
    this.gate = new OutageGate(settings.probeInterval().toMillis(), WARN_INTERVAL_MILLIS);
    this.uri = RedisURI.create(Objects.requireNonNull(redisUrl, "redisUrl"));
    uri.setTimeout(settings.connectTimeout());
    this.resources =
        ClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    RECONNECT_DELAY_MIN, RECONNECT_DELAY_MAX, 2, TimeUnit.MILLISECONDS))
            .build();
    this.client = RedisClient.create(resources);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
            .socketOptions(
                SocketOptions.builder()
                    .connectTimeout(settings.connectTimeout())
                    .keepAlive(true)
                    .build())
            .build());
  }

  /** {@link #connect(URI, Clock, RedisLimiterSettings, FallbackListener)} with the defaults. */
  public static RedisRateLimiter connect(URI redisUrl, Clock clock) {
    return connect(redisUrl, clock, RedisLimiterSettings.defaults(), FallbackListener.NONE);
  }

  /**
   * Connects to {@code redisUrl} ({@code redis://host:port} or {@code rediss://} for TLS, with an
   * optional password and database as Lettuce reads them). Waits for the connection at most {@link
   * RedisLimiterSettings#connectTimeout()}; if it does not come, the limiter starts answering
   * locally and keeps connecting in the background. Never throws for an unreachable Redis.
   */
  public static RedisRateLimiter connect(
      URI redisUrl, Clock clock, RedisLimiterSettings settings, FallbackListener listener) {
    RedisRateLimiter limiter = new RedisRateLimiter(redisUrl, clock, settings, listener);
    limiter.awaitFirstConnection();
    return limiter;
  }

  @Override
  public RateDecision tryConsume(RatePolicy policy, String key) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(key, "key");
    long now = clock.millis();
    if (gate.mayAsk(now)) {
      Remote r = remote.get();
      if (r == null) {
        connectInBackground();
        gate.failed(now);
      } else {
        RateDecision shared = askRedis(r, policy, key, now);
        if (shared != null) {
          if (gate.answered()) {
            recovered();
          }
          return shared;
        }
      }
    }
    return answerLocally(policy, key, now);
  }

  /** How many decisions were answered by the local limiter since this limiter was created. */
  public long fallbackDecisions() {
    return fallbackDecisions.sum();
  }

  /**
   * How many requests to Redis failed (timed out, refused or broke) since this limiter was created:
   * the only decisions that waited on an unhealthy Redis.
   */
  public long failedRedisRequests() {
    return failedRedisRequests.sum();
  }

  /**
   * Whether decisions currently come from Redis (connected, and no failure since the last answer).
   */
  public boolean redisAvailable() {
    Remote r = remote.get();
    return r != null && r.connection().isOpen() && gate.answering();
  }

  /** {@link LimiterState#SHARED} while Redis answers, else {@link LimiterState#FALLBACK}. */
  @Override
  public LimiterState state() {
    return redisAvailable() ? LimiterState.SHARED : LimiterState.FALLBACK;
  }

  /** Whether the connection to Redis is up (it may still be unanswered); for readiness checks. */
  public boolean redisConnected() {
    Remote r = remote.get();
    return r != null && r.connection().isOpen();
  }

  /** Closes the connection and the client's threads; later decisions are answered locally. */
  @Override
  public void close() {
    closed = true;
    Remote r = remote.getAndSet(null);
    if (r != null) {
      r.connection().close();
    }
    client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
    resources.shutdown(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private RateDecision askRedis(Remote r, RatePolicy policy, String key, long now) {
    CompletableFuture<ConsumptionProbe> pending = null;
    try {
      BucketConfiguration configuration = configurationOf(policy);
      pending =
          r.buckets()
              .builder()
              .build(keyOf(policy, key), () -> CompletableFuture.completedFuture(configuration))
              .tryConsumeAndReturnRemaining(1);
      ConsumptionProbe probe =
          pending.get(settings.decisionTimeout().toNanos(), TimeUnit.NANOSECONDS);
      return decisionOf(probe);
    } catch (ExecutionException e) {
      failed(now, e.getCause() != null ? e.getCause() : e);
    } catch (TimeoutException e) {
      pending.cancel(false);
      failed(now, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failed(now, e);
    }
    return null;
  }

  private RateDecision answerLocally(RatePolicy policy, String key, long now) {
    fallbackDecisions.increment();
    listener.answeredLocally();
    if (gate.warningDue(now)) {
      LOG.warn(
          "Redis rate limiter unavailable ({}): this node answers rate limits locally until Redis"
              + " answers again; {} local decisions so far",
          lastFailure,
          fallbackDecisions.sum());
    }
    return local.tryConsume(policy, key);
  }

  private void failed(long now, Throwable cause) {
    failedRedisRequests.increment();
    lastFailure = cause.getClass().getSimpleName();
    gate.failed(now);
    listener.redisFailed(cause);
  }

  private void recovered() {
    LOG.info("Redis rate limiter answers again: rate limits are shared across nodes again");
    listener.redisRecovered();
  }

  private void awaitFirstConnection() {
    CompletableFuture<Void> first = connectInBackground();
    try {
      first.get(settings.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // connectInBackground recorded it; keep connecting in the background
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (remote.get() == null) {
      long now = clock.millis();
      gate.failed(now);
      if (gate.warningDue(now)) {
        LOG.warn(
            "Redis rate limiter could not connect ({}): this node answers rate limits locally"
                + " until it does",
            lastFailure);
      }
    }
  }

  /** Starts one connection attempt unless connected, closed or already connecting. */
  private CompletableFuture<Void> connectInBackground() {
    if (closed || remote.get() != null || !connecting.compareAndSet(false, true)) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      client
          .connectAsync(ByteArrayCodec.INSTANCE, uri)
          .whenComplete(
              (connection, error) -> {
                try {
                  if (error != null) {
                    lastFailure = error.getClass().getSimpleName();
                  } else if (closed) {
                    connection.closeAsync();
                  } else {
                    remote.set(new Remote(connection, bucketsOn(connection)));
                    if (gate.answered()) {
                      recovered();
                    }
                  }
                } finally {
                  connecting.set(false);
                  done.complete(null);
                }
              });
    } catch (RuntimeException e) {
      lastFailure = e.getClass().getSimpleName();
      connecting.set(false);
      done.complete(null);
    }
    return done;
  }

  private AsyncProxyManager<byte[]> bucketsOn(StatefulRedisConnection<byte[], byte[]> connection) {
    return Bucket4jLettuce.casBasedBuilder(connection)
        .clientClock(time)
        .expirationAfterWrite(
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                settings.keepAfterFull()))
        .build()
        .asAsync();
  }

  /** {@code rl:<policy>:<key>} in UTF-8. */
  static byte[] keyOf(RatePolicy policy, String key) {
    return ("rl:" + policy.name() + ":" + key).getBytes(StandardCharsets.UTF_8);
  }

  /** The bucket shape {@link LocalRateLimiter} uses for {@code policy}. */
  private static BucketConfiguration configurationOf(RatePolicy policy) {
    Bandwidth bandwidth =
        policy.greedy()
            ? Bandwidth.builder()
                .capacity(policy.capacity())
                .refillGreedy(policy.refillTokens(), policy.refillPeriod())
                .build()
            : Bandwidth.builder()
                .capacity(policy.capacity())
                .refillIntervally(policy.refillTokens(), policy.refillPeriod())
                .build();
    return BucketConfiguration.builder().addLimit(bandwidth).build();
  }

  private static RateDecision decisionOf(ConsumptionProbe p) {
    return p.isConsumed()
        ? new RateDecision.Allowed(
            p.getRemainingTokens(), Duration.ofNanos(p.getNanosToWaitForReset()))
        : new RateDecision.Throttled(Duration.ofNanos(p.getNanosToWaitForRefill()));
  }

  /** An open connection and the bucket proxies on it. */
  private record Remote(
      StatefulRedisConnection<byte[], byte[]> connection, AsyncProxyManager<byte[]> buckets) {}
}
