package com.syncwell.store.sqlite;

import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.testkit.MetadataTableContract;
import com.syncwell.testkit.MutableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The metadata table contract against a fresh SQLite file per test. */
class SqliteMetadataTableTest extends MetadataTableContract {
  @TempDir Path dir;
  private SqliteDatabase db;

  @Override
  protected MetadataTable newTable(MutableClock clock) {
    db = SqliteDatabase.open(dir.resolve("syncwell.db"));
    return new SqliteMetadataTable(db, clock);
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }
}
