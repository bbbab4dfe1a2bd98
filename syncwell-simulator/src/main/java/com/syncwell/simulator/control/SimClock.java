package com.syncwell.simulator.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The simulator's clock: a base clock plus an offset that tests move forward or set. */
public final class SimClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public SimClock(Clock base) {
    this.base = base;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  public Instant advance(Duration by) {
    offset.updateAndGet(o -> o.plus(by));
    return instant();
  }

  /** Moves the clock so that now is {@code at}. */
  public Instant set(Instant at) {
    offset.set(Duration.between(base.instant(), at));
    return instant();
  }
}
