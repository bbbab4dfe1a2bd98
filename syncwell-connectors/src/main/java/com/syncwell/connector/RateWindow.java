package com.syncwell.connector;

import java.time.Duration;
import java.util.Objects;

/**
 * One documented rate limit: at most {@code limit} requests per {@code length}, counted per {@code
 * scope}. Windows are aligned to the clock (a 15-minute window resets at the quarter hour, a day at
 * midnight UTC), as Strava's are.
 */
public record RateWindow(String name, Duration length, long limit, Scope scope) {

  /** Whom a limit counts: the whole application, or each user separately. */
  public enum Scope {
    APPLICATION,
    USER
  }

  public RateWindow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(scope, "scope");
    if (length.isZero() || length.isNegative() || limit < 1) {
      throw new IllegalArgumentException("a rate window needs a positive length and limit");
    }
  }
}
