package com.syncwell.simulator.control;

/** Strava's per-application limits: overall and read ("non-upload"), per 15 minutes and per day. */
public record StravaLimits(int overall15, int overallDaily, int read15, int readDaily) {
  public static final StravaLimits DEFAULTS = new StravaLimits(200, 2000, 100, 1000);
}
