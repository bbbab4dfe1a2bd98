package com.syncwell.domain.matching;

import com.syncwell.domain.ConflictStrategy;
import java.util.Objects;

/**
 * A conflict the destination won: skip the source record and report the conflict as resolved by
 * {@code strategy}.
 *
 * @param conflict the colliding destination record
 * @param strategy the strategy that decided
 */
public record KeepDestination(Conflict conflict, ConflictStrategy strategy)
    implements ConflictDecision {
  public KeepDestination {
    Objects.requireNonNull(conflict, "conflict");
    Objects.requireNonNull(strategy, "strategy");
  }
}
