package com.syncwell.store.sqlite;

import com.syncwell.engine.port.StorageFailure;
import java.sql.SQLException;

/**
 * One caller's {@link SqlWork} waiting for the group commit that runs it. Written and read only
 * under the database's write lock, which orders the leader's writes before the owner's reads.
 */
final class PendingWrite<T> {
  private final SqlWork<T> work;
  private boolean done;
  private T value;
  private Throwable failure;

  PendingWrite(SqlWork<T> work) {
    this.work = work;
  }

  SqlWork<T> work() {
    return work;
  }

  boolean isDone() {
    return done;
  }

  void succeed(T result) {
    value = result;
    done = true;
  }

  /** Ran and failed ({@code cause} from the work), or its group's transaction failed. */
  void fail(Throwable cause) {
    failure = cause;
    value = null;
    done = true;
  }

  /** The work's result, or its failure rethrown as {@link SqliteDatabase#write} documents. */
  T result() {
    if (failure == null) {
      return value;
    }
    if (failure instanceof SQLException e) {
      throw new StorageFailure("SQLite write failed: " + e.getMessage(), e);
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    throw new StorageFailure("SQLite write failed", failure);
  }
}
