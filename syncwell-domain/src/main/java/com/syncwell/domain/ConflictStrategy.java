package com.syncwell.domain;

import java.util.Arrays;
import java.util.Optional;

/** How a sync resolves a source record that overlaps one already at the destination. */
public enum ConflictStrategy {
  SOURCE_WINS("source_wins"),
  DEST_WINS("dest_wins"),
  NEWEST_WINS("newest_wins");

  private final String wireName;

  ConflictStrategy(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The strategy with this wire name; exact and case-sensitive. */
  public static Optional<ConflictStrategy> fromWireName(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
  }
}
