package com.syncwell.connector;

import java.time.Instant;
import java.util.Objects;

/** The half-open span {@code [from, to)} of record start times a listing covers. */
public record TimeWindow(Instant from, Instant to) {
  public TimeWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("a time window ends after it starts");
    }
  }

  public boolean contains(Instant t) {
    return !t.isBefore(from) && t.isBefore(to);
  }
}
