package com.syncwell.simulator.data;

import com.syncwell.domain.SleepSession;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A stored sleep session with its provider id and times. A generated night keeps only how to
 * synthesise it again (its stages alone would be ~100 MB for a thousand users' month), and rebuilds
 * the same session on every read.
 */
public final class SimSleep {
  private final String id;
  private final Supplier<SleepSession> session;
  private final Instant start;
  private final Origin origin;
  private final Instant createTime;
  private final Instant updateTime;

  private SimSleep(
      String id,
      Supplier<SleepSession> session,
      Instant start,
      Origin origin,
      Instant createTime,
      Instant updateTime) {
    this.id = Objects.requireNonNull(id, "id");
    this.session = session;
    this.start = start;
    this.origin = Objects.requireNonNull(origin, "origin");
    this.createTime = createTime;
    this.updateTime = updateTime;
  }

  /** A night kept as it is. */
  public static SimSleep stored(
      String id, SleepSession session, Origin origin, Instant createTime, Instant updateTime) {
    Objects.requireNonNull(session, "session");
    return new SimSleep(
        id, () -> session, session.start().toInstant(), origin, createTime, updateTime);
  }

  /** A night that {@code synthesis} rebuilds, the same every time; it starts at {@code start}. */
  static SimSleep synthesised(
      String id,
      Supplier<SleepSession> synthesis,
      Instant start,
      Origin origin,
      Instant createTime,
      Instant updateTime) {
    return new SimSleep(id, synthesis, start, origin, createTime, updateTime);
  }

  public String id() {
    return id;
  }

  public SleepSession session() {
    return session.get();
  }

  /** When the session starts, without rebuilding it. */
  public Instant start() {
    return start;
  }

  public Origin origin() {
    return origin;
  }

  public Instant createTime() {
    return createTime;
  }

  public Instant updateTime() {
    return updateTime;
  }

  @Override
  public String toString() {
    return "SimSleep[" + id + ", " + start + "]";
  }
}
