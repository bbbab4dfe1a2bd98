package com.syncwell.domain;

import java.time.LocalDate;
import java.util.Objects;

/** Steps taken on one local calendar day. */
public record DailySteps(LocalDate date, long count) implements HealthRecord {
  public DailySteps {
    Objects.requireNonNull(date, "date");
    if (count < 0) {
      throw new IllegalArgumentException("step count must not be negative, was " + count);
    }
  }

  @Override
  public DataType dataType() {
    return DataType.STEPS;
  }

  @Override
  public String canonicalText() {
    return "steps\ndate=" + date + "\ncount=" + count + "\n";
  }
}
