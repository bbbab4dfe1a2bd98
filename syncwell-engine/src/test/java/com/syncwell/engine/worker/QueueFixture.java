package com.syncwell.engine.worker;

import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.QueueDepth;
import com.syncwell.store.sqlite.SqliteDatabase;
import com.syncwell.store.sqlite.SqliteJobQueue;
import com.syncwell.store.sqlite.SqliteMetadataTable;
import com.syncwell.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A fresh SQLite metadata table and job queue (5 receives before dead-lettering) in a temporary
 * directory, on a clock the test moves; and bounded polling instead of sleeps.
 */
final class QueueFixture implements AutoCloseable {
  static final Duration PATIENCE = Duration.ofSeconds(20);

  final MutableClock clock = MutableClock.startingAtNewYear();
  final SqliteDatabase db;
  final SqliteMetadataTable table;
  final SqliteJobQueue queue;

  QueueFixture(Path dir) {
    db = SqliteDatabase.open(dir.resolve("syncwell.db"));
    table = new SqliteMetadataTable(db, clock);
    queue = new SqliteJobQueue(db, "jobs", clock, JobQueue.DEFAULT_MAX_RECEIVES);
  }

  QueueDepth depth() {
    return queue.approximateDepth();
  }

  /** Polls {@code condition} until it holds; fails after {@link #PATIENCE}. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
