package com.syncwell.redis;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which requests may ask Redis: all of them while it answers; during an outage one request
 * per probe interval (the others are answered locally without waiting). Also spaces out the outage
 * warning. Times are milliseconds of the limiter's clock.
 *
 * <p><b>Threading:</b> lock-free; safe for concurrent use.
 */
final class OutageGate {
  private static final long ANSWERING = Long.MIN_VALUE;

  private final long probeIntervalMillis;
  private final long warnIntervalMillis;
  private final AtomicLong nextProbeAt = new AtomicLong(ANSWERING);
  private final AtomicLong nextWarningAt = new AtomicLong(Long.MIN_VALUE);

  OutageGate(long probeIntervalMillis, long warnIntervalMillis) {
    this.probeIntervalMillis = probeIntervalMillis;
    this.warnIntervalMillis = warnIntervalMillis;
  }

  /** Whether Redis is taken to be answering (no failure since the last answer). */
  boolean answering() {
    return nextProbeAt.get() == ANSWERING;
  }

  /**
   * Whether the caller should ask Redis now: always while it answers; during an outage only the one
   * caller that claims a due probe.
   */
  boolean mayAsk(long now) {
    long probeAt = nextProbeAt.get();
    if (probeAt == ANSWERING) {
      return true;
    }
    return now >= probeAt && nextProbeAt.compareAndSet(probeAt, now + probeIntervalMillis);
  }

  /**
   * Redis failed a request: starts (or continues) the outage, next probe one interval from now.
   *
   * @return whether this failure started the outage
   */
  boolean failed(long now) {
    return nextProbeAt.getAndSet(now + probeIntervalMillis) == ANSWERING;
  }

  /**
   * Redis answered.
   *
   * @return whether this answer ended an outage
   */
  boolean answered() {
    return nextProbeAt.get() != ANSWERING && nextProbeAt.getAndSet(ANSWERING) != ANSWERING;
  }

  /** Whether the caller should log the outage warning now (at most once per warn interval). */
  boolean warningDue(long now) {
    long at = nextWarningAt.get();
    return now >= at && nextWarningAt.compareAndSet(at, now + warnIntervalMillis);
  }
}
