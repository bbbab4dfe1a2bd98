package com.syncwell.connector.files;

import java.util.OptionalDouble;

/** A sum over parts (sessions, laps) that may each lack the value: present when any has it. */
final class Total {
  private double sum;
  private boolean present;

  void add(Double value) {
    if (value != null) {
      sum += value;
      present = true;
    }
  }

  OptionalDouble value() {
    return present ? OptionalDouble.of(sum) : OptionalDouble.empty();
  }

  OptionalDouble scaled(double factor) {
    return present ? OptionalDouble.of(sum * factor) : OptionalDouble.empty();
  }
}
