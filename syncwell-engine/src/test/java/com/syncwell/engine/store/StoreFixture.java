package com.syncwell.engine.store;

import com.syncwell.store.sqlite.SqliteDatabase;
import com.syncwell.store.sqlite.SqliteMetadataTable;
import com.syncwell.testkit.MutableClock;
import java.nio.file.Path;

/** A fresh SQLite metadata table in a temporary directory, on a clock the test moves. */
final class StoreFixture implements AutoCloseable {
  final MutableClock clock = MutableClock.startingAtNewYear();
  final Path file;
  final SqliteDatabase db;
  final SqliteMetadataTable table;

  StoreFixture(Path dir) {
    file = dir.resolve("syncwell.db");
    db = SqliteDatabase.open(file);
    table = new SqliteMetadataTable(db, clock);
  }

  @Override
  public void close() {
    db.close();
  }
}
