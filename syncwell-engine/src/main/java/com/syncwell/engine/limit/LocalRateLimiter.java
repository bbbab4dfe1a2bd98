package com.syncwell.engine.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.syncwell.engine.port.limit.RateDecision;
import com.syncwell.engine.port.limit.RateLimiter;
import com.syncwell.engine.port.limit.RatePolicy;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@link RateLimiter} of one process: a Bucket4j bucket per {@code (policy name, key)} in a
 * Caffeine map. A greedy policy is a token bucket refilled continuously ({@code refillGreedy}); a
 * non-greedy one is a fixed window ({@code refillIntervally}) that starts with the bucket's first
 * request and refills all at once at the end of each period.
 *
 * <p><b>Memory:</b> a bucket is dropped once it would be full again (a new bucket starts full, so
 * nothing changes for the caller), and the map holds at most {@code maxBuckets}; when more callers
 * are active at once, Caffeine evicts the least valuable buckets early, which hands those callers a
 * full bucket again. Size {@code maxBuckets} above the number of callers active within one refill
 * period.
 *
 * <p><b>Time:</b> refills and expiry read the injected {@link Clock} only, so tests drive them.
 *
 * <p><b>Threading:</b> safe for concurrent use; one bucket's consumptions are serialised, so two
 * callers never both take its last token. Buckets are keyed by policy name: two policies with the
 * same name share buckets, so give every policy its own name.
 */
public final class LocalRateLimiter implements RateLimiter {
  /** How many buckets {@link #LocalRateLimiter(Clock)} keeps at most. */
  public static final long DEFAULT_MAX_BUCKETS = 100_000;

  private final ClockTimeMeter time;
  private final Cache<BucketKey, Slot> buckets;

  /** A limiter holding at most {@link #DEFAULT_MAX_BUCKETS} buckets. */
  public LocalRateLimiter(Clock clock) {
    this(clock, DEFAULT_MAX_BUCKETS);
  }

  /** A limiter holding at most {@code maxBuckets} buckets (at least 1). */
  public LocalRateLimiter(Clock clock, long maxBuckets) {
    Objects.requireNonNull(clock, "clock");
    if (maxBuckets < 1) {
      throw new IllegalArgumentException("maxBuckets must be positive, was " + maxBuckets);
    }
    this.time = new ClockTimeMeter(clock);
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(maxBuckets)
            .expireAfter(new UntilFull())
            .ticker(time::currentTimeNanos)
            .executor(Runnable::run)
            .build();
  }

  @Override
  public RateDecision tryConsume(RatePolicy policy, String key) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(key, "key");
    ConsumptionProbe[] probe = new ConsumptionProbe[1];
    buckets
        .asMap()
        .compute(
            new BucketKey(policy.name(), key),
            (k, slot) -> {
              Bucket bucket = slot == null ? newBucket(policy) : slot.bucket();
              probe[0] = bucket.tryConsumeAndReturnRemaining(1);
              return new Slot(bucket, probe[0].getNanosToWaitForReset());
            });
    ConsumptionProbe p = probe[0];
    return p.isConsumed()
        ? new RateDecision.Allowed(
            p.getRemainingTokens(), Duration.ofNanos(p.getNanosToWaitForReset()))
        : new RateDecision.Throttled(Duration.ofNanos(p.getNanosToWaitForRefill()));
  }

  /**
   * How many buckets are held, after dropping those over the bound and those full again; for tests
   * and metrics. Caffeine drops expired entries on a timer wheel of about a second's resolution, so
   * the count may include buckets that became full in the last second or so (they are never used: a
   * request on one gets a fresh, full bucket).
   */
  public long bucketCount() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }

  private Bucket newBucket(RatePolicy policy) {
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
    return Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build();
  }

  /** A bucket's map key: the policy name and the caller's key. */
  private record BucketKey(String policy, String key) {}

  /** A bucket and how long after its last use it would be full again. */
  private record Slot(Bucket bucket, long nanosUntilFull) {}

  /** Keeps a bucket until it would be full again, counted from its last consumption. */
  private static final class UntilFull implements Expiry<BucketKey, Slot> {
    @Override
    public long expireAfterCreate(BucketKey key, Slot slot, long currentTime) {
      return Math.max(1, slot.nanosUntilFull());
    }

    @Override
    public long expireAfterUpdate(
        BucketKey key, Slot slot, long currentTime, long currentDuration) {
      return Math.max(1, slot.nanosUntilFull());
    }

    @Override
    public long expireAfterRead(BucketKey key, Slot slot, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
