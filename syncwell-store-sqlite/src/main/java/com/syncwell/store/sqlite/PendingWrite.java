package com.syncwell.store.sqlite;

import com.syncwell.engine.port.StorageFailure;
import java.sql.SQLException;
import java.util.concurrent.locks.LockSupport;

/**
 * One caller's {@link SqlWork} waiting for the group commit that runs it. The leader that ran it
 * sets the outcome, then {@code done} (volatile: the owner that reads {@code done} sees the
 * outcome), then wakes the owner.
 */
final class PendingWrite<T> {
  private final SqlWork<T> work;
  private final Thread owner;
  private volatile boolean done;
  private T value;
  private Throwable failure;

  PendingWrite(SqlWork<T> work, Thread owner) {
    this.work = work;
    this.owner = owner;
  }

  Thread owner() {
    return owner;
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
    LockSupport.unpark(owner);
  }

  /** Ran and failed ({@code cause} from the work), or its group's transaction failed. */
  void fail(Throwable cause) {
    failure = cause;
    value = null;
    done = true;
    LockSupport.unpark(owner);
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
