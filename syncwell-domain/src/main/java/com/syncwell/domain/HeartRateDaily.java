package com.syncwell.domain;

import java.time.LocalDate;
import java.util.Objects;

/** The resting heart rate of one local calendar day. */
public record HeartRateDaily(LocalDate date, int restingBpm) implements HealthRecord {
  public HeartRateDaily {
    Objects.requireNonNull(date, "date");
    if (restingBpm < 1 || restingBpm > 300) {
      throw new IllegalArgumentException(
          "resting heart rate must be 1 to 300 bpm, was " + restingBpm);
    }
  }

  @Override
  public DataType dataType() {
    return DataType.HEART_RATE;
  }

  @Override
  public String canonicalText() {
    return "heart_rate\ndate=" + date + "\nresting=" + restingBpm + "\n";
  }
}
