package com.syncwell.engine.port;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Lets a caller hand over a short run of writes to the metadata table and the job queue that the
 * stores may commit as one: the embedded store runs them in one SQLite transaction (one commit, and
 * all or nothing); stores that cannot (DynamoDB with SQS, or a mix of engines) run them one by one,
 * as {@link #separately()} does. Callers stay correct either way: for instance a job is created
 * before its message is sent, and a failed send cancels the job.
 *
 * <p><b>Threading:</b> {@code writes} may run on another thread than the caller's (the one that
 * commits the group), so it must not depend on thread-local state such as the logging or tracing
 * context; prepare such values before and capture them. It must not block on anything but the
 * stores. Safe for concurrent use.
 *
 * <p><b>Reads</b> of the stores inside {@code writes} see what the group wrote before them, even
 * before it is committed. Whether the group is atomic is {@link #atomic()}.
 *
 * <p><b>Errors:</b> what {@code writes} throws reaches the caller unchanged; a grouping store has
 * then rolled back every write of the group. A failing store throws {@link StorageFailure}.
 */
public interface CommitGroup {

  /** Runs {@code writes} and returns its result once what it wrote is committed. */
  <T> T together(Supplier<T> writes);

  /**
   * Whether a group is all or nothing: when {@code writes} throws, none of its writes is kept.
   * Callers may then make a write inside the group that decides whether the group's other writes
   * should happen at all (such as claiming an idempotency key), and throw to undo them.
   */
  default boolean atomic() {
    return false;
  }

  /** Runs the writes one by one on the caller's thread, each committed on its own. */
  static CommitGroup separately() {
    return new CommitGroup() {
      @Override
      public <T> T together(Supplier<T> writes) {
        return Objects.requireNonNull(writes, "writes").get();
      }
    };
  }
}
