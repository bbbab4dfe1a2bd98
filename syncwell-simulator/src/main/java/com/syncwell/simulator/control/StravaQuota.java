package com.syncwell.simulator.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Strava's application quota: windows reset at :00, :15, :30, :45 and at midnight UTC (by the
 * simulator clock). Every request counts towards the overall limit; all but uploads and activity
 * creation also towards the read limit. A request over either limit gets 429 (and still counts).
 */
public final class StravaQuota {
  private volatile StravaLimits limits;
  private long window = -1;
  private long day = -1;
  private int overall15;
  private int overallDay;
  private int read15;
  private int readDay;

  public StravaQuota(StravaLimits limits) {
    this.limits = limits;
  }

  public void limits(StravaLimits newLimits) {
    this.limits = newLimits;
  }

  public StravaLimits limits() {
    return limits;
  }

  /** Counts one request; the verdict and the rate-limit headers. */
  public synchronized Map.Entry<Boolean, Map<String, String>> count(boolean read, Instant now) {
    roll(now);
    overall15++;
    overallDay++;
    if (read) {
      read15++;
      readDay++;
    }
    StravaLimits l = limits;
    boolean allowed =
        overall15 <= l.overall15()
            && overallDay <= l.overallDaily()
            && (!read || (read15 <= l.read15() && readDay <= l.readDaily()));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-RateLimit-Limit", l.overall15() + "," + l.overallDaily());
    headers.put("X-RateLimit-Usage", overall15 + "," + overallDay);
    headers.put("X-ReadRateLimit-Limit", l.read15() + "," + l.readDaily());
    headers.put("X-ReadRateLimit-Usage", read15 + "," + readDay);
    return Map.entry(allowed, headers);
  }

  private void roll(Instant now) {
    long epoch = now.getEpochSecond();
    long w = Math.floorDiv(epoch, 900);
    long d = Math.floorDiv(epoch, 86_400);
    if (d != day) {
      day = d;
      overallDay = 0;
      readDay = 0;
    }
    if (w != window) {
      window = w;
      overall15 = 0;
      read15 = 0;
    }
  }

  public synchronized void reset() {
    window = -1;
    day = -1;
  }
}
