package com.syncwell.app.capacity;

import java.util.EnumMap;
import java.util.Map;

/** A value for every {@link Assumption}; immutable. */
public final class Assumptions {
  private final EnumMap<Assumption, Double> values;

  private Assumptions(EnumMap<Assumption, Double> values) {
    this.values = values;
  }

  /**
   * @throws InvalidCapacityInput when an assumption is missing, negative or not finite
   */
  public static Assumptions of(Map<Assumption, Double> values) {
    EnumMap<Assumption, Double> copy = new EnumMap<>(Assumption.class);
    for (Assumption a : Assumption.values()) {
      Double v = values.get(a);
      if (v == null) {
        throw new InvalidCapacityInput("assumption '" + a.key() + "' is missing");
      }
      if (!Double.isFinite(v) || v < 0) {
        throw new InvalidCapacityInput("assumption '" + a.key() + "' must be ≥ 0, was " + v);
      }
      copy.put(a, v);
    }
    return new Assumptions(copy);
  }

  public double get(Assumption a) {
    return values.get(a);
  }

  /** These assumptions with some replaced. */
  public Assumptions with(Map<Assumption, Double> replaced) {
    EnumMap<Assumption, Double> copy = new EnumMap<>(values);
    copy.putAll(replaced);
    return of(copy);
  }

  /** These assumptions with one multiplied by {@code factor}. */
  public Assumptions scaled(Assumption a, double factor) {
    return with(Map.of(a, get(a) * factor));
  }
}
