package com.syncwell.engine.account;

import java.util.Objects;

/**
 * This run deleted as many items as one run may and more are left: the account stays marked as
 * being erased, and running {@link DeleteAccount} again continues where this one stopped.
 */
public record AccountErasureUnfinished(ErasureTally tally) implements DeleteAccountOutcome {
  public AccountErasureUnfinished {
    Objects.requireNonNull(tally, "tally");
  }
}
