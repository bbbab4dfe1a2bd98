package com.syncwell.engine.limit;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/**
 * Time for Bucket4j and Caffeine from an injected {@link Clock}, as nanoseconds since the epoch, so
 * buckets and their eviction follow a test clock.
 */
public final class ClockTimeMeter implements TimeMeter {
  private final Clock clock;

  public ClockTimeMeter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public long currentTimeNanos() {
    Instant now = clock.instant();
    return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
  }

  @Override
  public boolean isWallClockBased() {
    return true;
  }
}
