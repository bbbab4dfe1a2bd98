package com.syncwell.engine.account;

import java.util.Objects;

/**
 * Nothing SyncWell kept about the user is left (this run, or a concurrent one, finished the
 * erasure). The next request of the same user starts a new, empty account.
 */
public record AccountErased(ErasureTally tally) implements DeleteAccountOutcome {
  public AccountErased {
    Objects.requireNonNull(tally, "tally");
  }
}
