package com.syncwell.app.bench;

import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.store.sqlite.SqliteDatabase;
import com.syncwell.store.sqlite.SqliteJobQueue;
import com.syncwell.store.sqlite.SqliteMetadataTable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/** The embedded engine: one new SQLite file per benchmark in {@code directory}. */
public final class SqliteStoreEngine implements StoreEngine {
  private final Path directory;
  private final Clock clock;

  public SqliteStoreEngine(Path directory, Clock clock) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return "SQLite";
  }

  @Override
  public FreshStore<MetadataTable> freshTable(String benchmark) {
    SqliteDatabase db = SqliteDatabase.open(directory.resolve(benchmark + ".db"));
    return new FreshStore<>(new SqliteMetadataTable(db, clock), db);
  }

  @Override
  public FreshStore<JobQueue> freshQueue(String benchmark) {
    SqliteDatabase db = SqliteDatabase.open(directory.resolve(benchmark + ".db"));
    return new FreshStore<>(
        new SqliteJobQueue(db, "jobs", clock, JobQueue.DEFAULT_MAX_RECEIVES), db);
  }

  @Override
  public long remoteCalls() {
    return 0;
  }
}
