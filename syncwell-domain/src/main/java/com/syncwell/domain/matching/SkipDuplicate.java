package com.syncwell.domain.matching;

import java.util.Objects;

/**
 * The destination already holds the same recording: skip the source record and report "duplicate
 * found", whatever the conflict strategy.
 *
 * @param match the duplicate at the destination and how it lined up
 */
public record SkipDuplicate(SameRecord match) implements ConflictDecision {
  public SkipDuplicate {
    Objects.requireNonNull(match, "match");
  }
}
