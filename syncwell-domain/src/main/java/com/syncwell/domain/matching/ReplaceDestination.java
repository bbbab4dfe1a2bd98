package com.syncwell.domain.matching;

import com.syncwell.domain.ConflictStrategy;
import java.util.Objects;

/**
 * A conflict the source won: write the source record in place of the colliding destination record
 * and report the conflict as resolved by {@code strategy}.
 *
 * @param conflict the colliding destination record
 * @param strategy the strategy that decided
 */
public record ReplaceDestination(Conflict conflict, ConflictStrategy strategy)
    implements ConflictDecision {
  public ReplaceDestination {
    Objects.requireNonNull(conflict, "conflict");
    Objects.requireNonNull(strategy, "strategy");
  }
}
