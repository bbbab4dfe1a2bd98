package com.syncwell.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the WAL back into the database file from a thread of its own, so that commits do not.
 *
 * <p>SQLite's automatic checkpoint runs inside the {@code COMMIT} that crosses its threshold: it
 * copies up to a thousand pages and syncs both files while the writer holds the write lock, and
 * every write waiting for the next group waits for that too. Here the writer's automatic checkpoint
 * is off and this thread runs a {@code PASSIVE} checkpoint on its own connection every {@code
 * interval}; it never blocks readers or writers, and a commit costs only its WAL append.
 *
 * <p>SQLite starts the WAL over only when a write begins after a checkpoint copied all of it. While
 * commits keep coming, rounds follow each other after a millisecond's pause, each copying what was
 * committed since the one before, so that one of them finishes between two commits. Should the WAL
 * still reach {@code restartFrames}, the next round takes the writer's lock ({@code exclusive}) for
 * one more passive checkpoint, which then copies all that is left; the next write starts the WAL
 * from its beginning. That round holds up writes for its copy and its two syncs (5 to 100 ms on the
 * development VM), so it is a backstop. A reader still using old frames can keep the WAL from
 * starting over; a later round tries again.
 *
 * <p>A failing checkpoint is retried next round and logged on the 1st, 10th, 100th… failure in a
 * row; nothing is lost, the WAL only grows.
 */
final class WalCheckpointer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

  /** The result of {@code PRAGMA wal_checkpoint}: frames in the WAL, and copied of them. */
  record Progress(boolean busy, int walFrames, int copiedFrames) {}

  /** Runs {@code work} holding the writer's lock and returns its result. */
  interface Exclusive {
    <T> T run(Supplier<T> work);
  }

  private final Connection connection;
  private final Duration interval;
  private final int restartFrames;
  private final Exclusive exclusive;
  private final AtomicLong exclusiveRounds = new AtomicLong();
  private final Thread thread;

  /**
   * Pause between rounds while commits keep adding frames: a round that copies only the few frames
   * committed since the last one is short, and the WAL can start over only after a round that
   * copied all of it, so short rounds let that happen without the lock.
   */
  private static final Duration CATCH_UP_PAUSE = Duration.ofMillis(1);

  private volatile boolean closed;
  private boolean catchingUp;
  private long failuresInARow;
  private final AtomicLong failures = new AtomicLong();
  private volatile Progress last = new Progress(false, 0, 0);

  WalCheckpointer(
      Connection connection, Duration interval, int restartFrames, Exclusive exclusive) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.restartFrames = restartFrames;
    this.exclusive = Objects.requireNonNull(exclusive, "exclusive");
    // A platform thread: a checkpoint spends milliseconds in native code and fsync, which would
    // pin a carrier of the virtual-thread scheduler.
    this.thread = Thread.ofPlatform().daemon().name("sqlite-checkpoint").unstarted(this::loop);
  }

  void start() {
    thread.start();
  }

  /** What the latest round found (tests). */
  Progress last() {
    return last;
  }

  boolean isRunning() {
    return thread.isAlive();
  }

  /** Rounds that took the writer's lock to let the WAL start over (tests). */
  long exclusiveRounds() {
    return exclusiveRounds.get();
  }

  private void loop() {
    while (!closed) {
      try {
        Thread.sleep(catchingUp ? CATCH_UP_PAUSE : interval);
        Progress before = last;
        Progress after = round();
        catchingUp = after.walFrames() > 0 && !after.equals(before);
        if (failuresInARow > 0) {
          LOG.info("WAL checkpoint works again after {} failed rounds", failuresInARow);
          failuresInARow = 0;
        }
      } catch (InterruptedException e) {
        return;
      } catch (SQLException e) {
        if (closed) {
          return;
        }
        catchingUp = false;
        failures.incrementAndGet();
        failuresInARow++;
        if (isPowerOfTen(failuresInARow)) {
          LOG.warn(
              "WAL checkpoint failed ({} rounds in a row; retrying every {} ms): {}",
              failuresInARow,
              interval.toMillis(),
              e.getMessage());
        }
      }
    }
  }

  /** 1, 10, 100, …: a checkpoint that keeps failing is logged less and less often. */
  static boolean isPowerOfTen(long n) {
    while (n >= 10 && n % 10 == 0) {
      n /= 10;
    }
    return n == 1;
  }

  /** Rounds that failed (tests). */
  long failures() {
    return failures.get();
  }

  /** One round: copy what the WAL holds; when it has grown long, finish it under the lock. */
  Progress round() throws SQLException {
    Progress progress = checkpoint();
    if (progress.walFrames() >= restartFrames) {
      try {
        progress = exclusive.run(this::checkpointUnchecked);
      } catch (CheckpointFailed e) {
        throw e.sqlException();
      }
      exclusiveRounds.incrementAndGet();
    }
    last = progress;
    return progress;
  }

  private Progress checkpointUnchecked() {
    try {
      return checkpoint();
    } catch (SQLException e) {
      throw new CheckpointFailed(e);
    }
  }

  private Progress checkpoint() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      rs.next();
      return new Progress(rs.getInt(1) != 0, rs.getInt(2), rs.getInt(3));
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing: the other connections finish the WAL
    }
  }

  private static final class CheckpointFailed extends RuntimeException {
    CheckpointFailed(SQLException cause) {
      super(cause);
    }

    SQLException sqlException() {
      return (SQLException) getCause();
    }
  }
}
