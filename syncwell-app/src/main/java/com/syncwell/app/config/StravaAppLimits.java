package com.syncwell.app.config;

import java.util.Optional;

/**
 * The Strava application's rate limits as Strava granted them (new applications get 200 requests
 * per 15 minutes and 2,000 a day overall, 100 and 1,000 of them reads; Strava raises them on
 * request). The connector spends its own budget of these before Strava has to answer 429.
 */
public record StravaAppLimits(
    long overall15Minutes, long overallDaily, long read15Minutes, long readDaily) {
  public static final StravaAppLimits DEFAULTS = new StravaAppLimits(200, 2_000, 100, 1_000);

  private static final String VARIABLE = "SYNCWELL_STRAVA_RATE_LIMITS";

  /**
   * Parses {@code "overall15m,overallDaily,read15m,readDaily"}, e.g. {@code 600,30000,300,15000}.
   */
  static StravaAppLimits parse(Optional<String> raw) {
    if (raw.isEmpty()) {
      return DEFAULTS;
    }
    String[] parts = raw.get().split(",", -1);
    if (parts.length != 4) {
      throw new InvalidSetting(
          VARIABLE,
          "must be four counts: overall per 15 min, overall daily, reads per 15 min, reads daily");
    }
    long[] n = new long[4];
    for (int i = 0; i < 4; i++) {
      try {
        n[i] = Long.parseLong(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new InvalidSetting(VARIABLE, "'" + parts[i].strip() + "' is not a whole number");
      }
      if (n[i] < 1 || n[i] > 1_000_000_000L) {
        throw new InvalidSetting(VARIABLE, "each count must be 1 to 1,000,000,000");
      }
    }
    if (n[2] > n[0] || n[3] > n[1]) {
      throw new InvalidSetting(VARIABLE, "the read limits cannot exceed the overall ones");
    }
    return new StravaAppLimits(n[0], n[1], n[2], n[3]);
  }
}
