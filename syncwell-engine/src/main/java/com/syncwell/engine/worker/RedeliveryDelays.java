package com.syncwell.engine.worker;

import com.syncwell.engine.port.queue.ReceiveRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When a message that could not finish comes back (ARCHITECTURE.md §8 "Failures"). Every delay is
 * capped at 12 h, the longest lease a queue gives.
 *
 * <ul>
 *   <li>After a failure (Transient, StorageFailure, anything unexpected) on delivery {@code n}:
 *       {@code base × 2^(n−1)} plus a jitter of up to half that, so delays always grow (30 s, 60 s,
 *       2 min, 4 min, 8 min for the default base) and retries of many jobs that failed together
 *       spread out.
 *   <li>After a rate limit that resets in {@code r} (at least 5 s): {@code r} plus a full jitter in
 *       {@code [0, r]}, so the job never runs before the reset and the jobs of one provider do not
 *       all come back at the same instant.
 * </ul>
 *
 * <p><b>Threading:</b> safe for concurrent use; draws from the generator one at a time.
 */
final class RedeliveryDelays {
  static final Duration MAX = ReceiveRequest.MAX_VISIBILITY;

  /**
   * The shortest wait after a rate limit, for a reset already past (clock skew, a stale header), so
   * a provider that keeps refusing cannot spin a job in a tight loop.
   */
  static final Duration MIN_RATE_LIMIT_WAIT = Duration.ofSeconds(5);

  private final Duration retryBase;
  private final RandomGenerator random;
  private final Object drawing = new Object();

  RedeliveryDelays(Duration retryBase, RandomGenerator random) {
    this.retryBase = Objects.requireNonNull(retryBase, "retryBase");
    this.random = Objects.requireNonNull(random, "random");
  }

  Duration afterFailure(int receiveCount) {
    int doublings = Math.clamp(receiveCount - 1, 0, 30);
    Duration backoff = capped(retryBase.multipliedBy(1L << doublings));
    return capped(backoff.plus(jitter(backoff.dividedBy(2))));
  }

  Duration afterRateLimit(Duration untilReset) {
    Duration wait =
        untilReset.compareTo(MIN_RATE_LIMIT_WAIT) < 0 ? MIN_RATE_LIMIT_WAIT : capped(untilReset);
    return capped(wait.plus(jitter(wait)));
  }

  /** Uniform in {@code [0, upTo]}, in milliseconds. */
  private Duration jitter(Duration upTo) {
    long max = upTo.toMillis();
    if (max <= 0) {
      return Duration.ZERO;
    }
    double draw;
    synchronized (drawing) {
      draw = random.nextDouble();
    }
    return Duration.ofMillis(Math.min(max, (long) (draw * (max + 1))));
  }

  private static Duration capped(Duration d) {
    return d.compareTo(MAX) > 0 ? MAX : d;
  }
}
