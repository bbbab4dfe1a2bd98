package com.syncwell.store.sqlite;

import com.syncwell.engine.port.CommitGroup;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.testkit.CommitGroupContract;
import com.syncwell.testkit.MutableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link CommitGroup#separately()} keeps the contract (here over the SQLite stores). */
class SeparateCommitsTest extends CommitGroupContract {
  @TempDir Path dir;

  @Override
  protected Stores newStores(MutableClock clock) {
    SqliteDatabase db = SqliteDatabase.open(dir.resolve("syncwell.db"));
    return new Stores(
        new SqliteMetadataTable(db, clock),
        new SqliteJobQueue(db, "jobs", clock, JobQueue.DEFAULT_MAX_RECEIVES),
        CommitGroup.separately(),
        db);
  }
}
