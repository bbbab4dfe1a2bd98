package com.syncwell.engine.store;

/** Where one source record is on its way to the destination (ARCHITECTURE.md §8 step 8). */
public enum LedgerState {
  /**
   * A write was begun (or failed and will be retried); it may or may not have reached the
   * destination.
   */
  PENDING,
  /** The destination holds it, under {@code destinationId}. */
  WRITTEN,
  /** It failed {@link LedgerStore#MAX_FAILURES} times; skipped until someone acts on the reason. */
  BLOCKED
}
