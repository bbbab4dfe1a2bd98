package com.syncwell.simulator.control;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A fixed one-minute window per user (Google Health API: 300 requests per minute per user). */
public final class PerUserQuota {
  private volatile int perMinute;
  private final Map<String, long[]> windows = new HashMap<>();

  public PerUserQuota(int perMinute) {
    this.perMinute = perMinute;
  }

  public void perMinute(int limit) {
    this.perMinute = limit;
  }

  public int perMinute() {
    return perMinute;
  }

  /** Counts one request of {@code user}; true when within the limit. */
  public synchronized boolean admit(String user, Instant now) {
    long minute = Math.floorDiv(now.getEpochSecond(), 60);
    long[] w = windows.computeIfAbsent(user, u -> new long[] {minute, 0});
    if (w[0] != minute) {
      w[0] = minute;
      w[1] = 0;
    }
    w[1]++;
    return w[1] <= perMinute;
  }

  public synchronized void reset() {
    windows.clear();
  }
}
