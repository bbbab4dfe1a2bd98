package com.syncwell.store.sqlite;

import com.syncwell.engine.port.CommitGroup;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Writes of {@link SqliteMetadataTable} and {@link SqliteJobQueue} on one {@link SqliteDatabase} in
 * one transaction: {@link SqliteDatabase#write} runs the group, and the adapters' own writes inside
 * it join that transaction. Only for a table and a queue that share {@code db}; a write to any
 * other store inside the group would run while the database's write lock is held.
 */
public final class SqliteCommitGroup implements CommitGroup {
  private final SqliteDatabase db;

  public SqliteCommitGroup(SqliteDatabase db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  @Override
  public <T> T together(Supplier<T> writes) {
    Objects.requireNonNull(writes, "writes");
    return db.write(session -> writes.get());
  }

  /** One SQLite transaction (a savepoint inside a shared group commit): all or nothing. */
  @Override
  public boolean atomic() {
    return true;
  }
}
