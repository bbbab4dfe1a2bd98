package com.syncwell.domain;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of health data SyncWell moves, with their names on the wire. */
public enum DataType {
  WORKOUT("workout"),
  STEPS("steps"),
  SLEEP_SESSION("sleep_session"),
  WEIGHT("weight"),
  HEART_RATE("heart_rate");

  private final String wireName;

  DataType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /**
   * True for one-value-per-local-day aggregates ({@link #STEPS}, {@link #HEART_RATE}): their refs
   * span a local calendar day and records of them match by that date, not by time.
   */
  public boolean isDailyAggregate() {
    return this == STEPS || this == HEART_RATE;
  }

  /** The data type with this wire name; exact and case-sensitive. */
  public static Optional<DataType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
