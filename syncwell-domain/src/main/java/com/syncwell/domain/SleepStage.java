package com.syncwell.domain;

import java.time.Instant;
import java.util.Objects;

/** One segment of a sleep session in one stage. */
public record SleepStage(Instant start, Instant end, SleepStageType type) {
  public SleepStage {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(type, "type");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("a sleep stage ends at or after its start");
    }
  }
}
