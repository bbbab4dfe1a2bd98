package com.syncwell.engine.account;

/** Result of {@link DeleteAccount}: {@link AccountErased} or {@link AccountErasureUnfinished}. */
public sealed interface DeleteAccountOutcome permits AccountErased, AccountErasureUnfinished {
  /** What this run did. */
  ErasureTally tally();
}
