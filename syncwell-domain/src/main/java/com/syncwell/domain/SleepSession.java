package com.syncwell.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A night's (or nap's) sleep: local start and end, time in bed and time asleep, and the stage
 * segments in time order (empty when the provider has none).
 */
public record SleepSession(
    OffsetDateTime start,
    OffsetDateTime end,
    Duration inBed,
    Duration asleep,
    List<SleepStage> stages)
    implements HealthRecord {

  public SleepSession {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(inBed, "inBed");
    Objects.requireNonNull(asleep, "asleep");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("a sleep session ends at or after its start");
    }
    if (inBed.isNegative() || asleep.isNegative()) {
      throw new IllegalArgumentException("sleep durations must not be negative");
    }
    if (asleep.compareTo(inBed) > 0) {
      throw new IllegalArgumentException("time asleep cannot exceed time in bed");
    }
    stages = List.copyOf(stages);
    for (int i = 1; i < stages.size(); i++) {
      if (stages.get(i).start().isBefore(stages.get(i - 1).start())) {
        throw new IllegalArgumentException("sleep stages must be in time order");
      }
    }
  }

  @Override
  public DataType dataType() {
    return DataType.SLEEP_SESSION;
  }

  @Override
  public String canonicalText() {
    StringBuilder text =
        new StringBuilder("sleep\n")
            .append("start=")
            .append(start.toEpochSecond())
            .append('\n')
            .append("end=")
            .append(end.toEpochSecond())
            .append('\n')
            .append("inBed=")
            .append(inBed.toSeconds())
            .append('\n')
            .append("asleep=")
            .append(asleep.toSeconds())
            .append('\n');
    for (SleepStage s : stages) {
      text.append(s.type())
          .append(';')
          .append(s.start().getEpochSecond())
          .append(';')
          .append(s.end().getEpochSecond())
          .append('\n');
    }
    return text.toString();
  }
}
