package com.syncwell.store.sqlite;

import com.syncwell.engine.port.StorageFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One SQLite file shared by the embedded adapters: WAL journal, {@code synchronous=NORMAL} (a
 * committed transaction survives a crash of the process; see docs/adr/0002), one writer connection
 * used under a lock with {@code BEGIN IMMEDIATE} transactions, and a small pool of reader
 * connections that WAL lets run beside the writer. Other processes may open the same file; they
 * wait for its write lock up to the busy timeout. The WAL is copied back into the file by a {@link
 * WalCheckpointer}, not by the commits.
 *
 * <p>Each adapter owns a named schema component and migrates it at startup with {@link #migrate};
 * the applied version of every component is kept in {@code schema_version}.
 */
public final class SqliteDatabase implements AutoCloseable {
  private static final int READERS = 4;
  private static final int BUSY_TIMEOUT_MILLIS = 10_000;

  /** Most writes one group commit runs. */
  static final int MAX_GROUP = 64;

  /** Pause between {@link WalCheckpointer} rounds while nothing is being committed. */
  static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(50);

  /** WAL length (pages of 4 KiB) from which a checkpoint takes the write lock to restart it. */
  static final int RESTART_FRAMES = 16_384;

  /** The WAL file is cut back to this size when it starts over after having grown beyond it. */
  private static final long WAL_SIZE_LIMIT = 64L << 20;

  private final Path file;
  private final SqlSession writer;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final ConcurrentLinkedQueue<PendingWrite<?>> pending = new ConcurrentLinkedQueue<>();
  private final LongAdder groupCommits = new LongAdder();
  private final BlockingQueue<SqlSession> readers = new ArrayBlockingQueue<>(READERS);
  private final List<SqlSession> all = new ArrayList<>();
  private final WalCheckpointer checkpointer;

  private SqliteDatabase(Path file, Duration checkpointInterval, int restartFrames)
      throws SQLException {
    this.file = file;
    this.writer = new SqlSession(connect(file, false));
    all.add(writer);
    try (Statement s = writer.connection().createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA wal_autocheckpoint=0"); // the checkpointer's job, off the write lock
      s.execute("PRAGMA journal_size_limit=" + WAL_SIZE_LIMIT);
      s.execute(
          "CREATE TABLE IF NOT EXISTS schema_version ("
              + " component TEXT PRIMARY KEY, version INTEGER NOT NULL)");
    }
    for (int i = 0; i < READERS; i++) {
      SqlSession reader = new SqlSession(connect(file, true));
      all.add(reader);
      readers.add(reader);
    }
    this.checkpointer =
        new WalCheckpointer(
            connect(file, false), checkpointInterval, restartFrames, this::holdingWriteLock);
    checkpointer.start();
  }

  /** Opens (creating when absent) the database file and its parent directories. */
  public static SqliteDatabase open(Path file) {
    return open(file, CHECKPOINT_INTERVAL, RESTART_FRAMES);
  }

  /** Like {@link #open(Path)}, with the checkpointer's timing (tests). */
  static SqliteDatabase open(Path file, Duration checkpointInterval, int restartFrames) {
    Objects.requireNonNull(file, "file");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new SqliteDatabase(file, checkpointInterval, restartFrames);
    } catch (IOException | SQLException e) {
      throw new StorageFailure("cannot open the SQLite database " + file.getFileName(), e);
    }
  }

  private static Connection connect(Path file, boolean readOnly) throws SQLException {
    Properties p = new Properties();
    p.setProperty("journal_mode", "WAL");
    p.setProperty("synchronous", "NORMAL");
    p.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MILLIS));
    p.setProperty("foreign_keys", "true");
    if (readOnly) {
      p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
    }
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), p);
  }

  public Path file() {
    return file;
  }

  /**
   * Runs {@code work} in a write transaction ({@code BEGIN IMMEDIATE}) and returns once that
   * transaction has committed; when {@code work} throws, its changes are rolled back and the
   * exception rethrown ({@link SQLException} as {@link StorageFailure}). Nested calls on the same
   * thread join the outer transaction.
   *
   * <p><b>Group commit:</b> writes that arrive while another commits wait (parked, not queued on
   * the lock); when that commit is done, the oldest of them leads: it runs all waiting writes (up
   * to {@value #MAX_GROUP}) in one transaction, each inside its own savepoint, so a failing one is
   * rolled back alone, and wakes each owner when the group has committed. A commit costs about the
   * same for one write or sixty-four; under concurrency this multiplies the write rate. Every
   * caller still returns only after the commit that holds its write, so what was acknowledged
   * survives a crash of the process (ADR 0002). If {@code BEGIN} or {@code COMMIT} itself fails,
   * every write of that group fails.
   */
  public <T> T write(SqlWork<T> work) {
    if (writeLock.isHeldByCurrentThread()) {
      return run(work, writer);
    }
    PendingWrite<T> mine = new PendingWrite<>(work, Thread.currentThread());
    pending.add(mine);
    boolean interrupted = false;
    while (!mine.isDone()) {
      if (writeLock.tryLock()) {
        try {
          commitGroup();
        } finally {
          writeLock.unlock();
        }
        wakeNextLeader();
      } else {
        LockSupport.park(this);
        interrupted |= Thread.interrupted(); // keep waiting (the write may commit), but tell later
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return mine.result();
  }

  /**
   * After a leader let go of the write lock: the oldest write still waiting leads the next group. A
   * caller that failed to take the lock parks only after it queued its write, and the holder it
   * lost to looks at the queue after letting go, so no write is left waiting with nobody leading.
   */
  private void wakeNextLeader() {
    PendingWrite<?> next = pending.peek();
    if (next != null) {
      LockSupport.unpark(next.owner());
    }
  }

  /** Runs {@code work} holding the write lock, then lets the next waiting write lead. */
  <T> T holdingWriteLock(Supplier<T> work) {
    writeLock.lock();
    try {
      return work.get();
    } finally {
      writeLock.unlock();
      wakeNextLeader();
    }
  }

  /** The background checkpointer (tests). */
  WalCheckpointer checkpointer() {
    return checkpointer;
  }

  /** Writes waiting for a group commit (tests and metrics). */
  int pendingWrites() {
    return pending.size();
  }

  /** Transactions the group commit has begun, each holding one or more writes (tests). */
  long groupCommits() {
    return groupCommits.sum();
  }

  private void commitGroup() {
    List<PendingWrite<?>> group = new ArrayList<>();
    PendingWrite<?> next;
    while (group.size() < MAX_GROUP && (next = pending.poll()) != null) {
      group.add(next);
    }
    if (group.isEmpty()) {
      return;
    }
    groupCommits.increment();
    try {
      exec(writer, "BEGIN IMMEDIATE");
    } catch (SQLException e) {
      group.forEach(p -> p.fail(e));
      return;
    }
    if (group.size() == 1) {
      commitAlone(group.get(0));
      return;
    }
    List<Object> results = new ArrayList<>(group.size());
    List<Throwable> failures = new ArrayList<>(group.size());
    for (PendingWrite<?> p : group) {
      try {
        exec(writer, "SAVEPOINT w");
        try {
          results.add(p.work().apply(writer));
          failures.add(null);
          exec(writer, "RELEASE w");
        } catch (SQLException | RuntimeException | Error e) {
          results.add(null);
          failures.add(e);
          exec(writer, "ROLLBACK TO w");
          exec(writer, "RELEASE w");
        }
      } catch (SQLException e) {
        rollbackQuietly(e);
        group.forEach(each -> each.fail(e));
        return;
      }
    }
    try {
      exec(writer, "COMMIT");
    } catch (SQLException e) {
      rollbackQuietly(e);
      group.forEach(p -> p.fail(e));
      return;
    }
    for (int i = 0; i < group.size(); i++) {
      complete(group.get(i), results.get(i), failures.get(i));
    }
  }

  private <T> void commitAlone(PendingWrite<T> p) {
    T result;
    try {
      result = p.work().apply(writer);
    } catch (SQLException | RuntimeException | Error e) {
      rollbackQuietly(e);
      p.fail(e);
      return;
    }
    try {
      exec(writer, "COMMIT");
      p.succeed(result);
    } catch (SQLException e) {
      rollbackQuietly(e);
      p.fail(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> void complete(PendingWrite<T> p, Object result, Throwable failure) {
    if (failure == null) {
      p.succeed((T) result);
    } else {
      p.fail(failure);
    }
  }

  /**
   * Runs {@code work} on a reader connection in autocommit mode (one snapshot per statement);
   * inside a {@link #write} on the same thread, on the write transaction, so that a group's work
   * reads what the group wrote before it.
   */
  public <T> T read(SqlWork<T> work) {
    if (writeLock.isHeldByCurrentThread()) {
      return run(work, writer);
    }
    SqlSession c;
    try {
      c = readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageFailure("interrupted while waiting for a SQLite reader", e);
    }
    try {
      return run(work, c);
    } finally {
      readers.add(c);
    }
  }

  private static <T> T run(SqlWork<T> work, SqlSession c) {
    try {
      return work.apply(c);
    } catch (SQLException e) {
      throw new StorageFailure("SQLite operation failed: " + e.getMessage(), e);
    }
  }

  /**
   * Brings {@code component}'s schema to {@code statements.size()} by running the statements it has
   * not run yet, in one transaction. Fails when the file was written by a newer build.
   */
  public void migrate(String component, List<String> statements) {
    write(
        c -> {
          int current = 0;
          try (PreparedStatement ps =
              c.connection()
                  .prepareStatement("SELECT version FROM schema_version WHERE component = ?")) {
            ps.setString(1, component);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                current = rs.getInt(1);
              }
            }
          }
          if (current > statements.size()) {
            throw new StorageFailure(
                "schema '"
                    + component
                    + "' of "
                    + file.getFileName()
                    + " is version "
                    + current
                    + ", newer than this build's "
                    + statements.size(),
                null);
          }
          for (int i = current; i < statements.size(); i++) {
            try (Statement ddl = c.connection().createStatement()) {
              ddl.execute(statements.get(i));
            }
          }
          try (PreparedStatement ps =
              c.connection()
                  .prepareStatement(
                      "INSERT INTO schema_version (component, version) VALUES (?, ?)"
                          + " ON CONFLICT (component) DO UPDATE SET version = excluded.version")) {
            ps.setString(1, component);
            ps.setInt(2, statements.size());
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** The schema version applied for {@code component}, 0 when never migrated. */
  public int schemaVersion(String component) {
    return read(
        c -> {
          try (PreparedStatement ps =
              c.connection()
                  .prepareStatement("SELECT version FROM schema_version WHERE component = ?")) {
            ps.setString(1, component);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getInt(1) : 0;
            }
          }
        });
  }

  /** {@code PRAGMA integrity_check}: "ok" when the file is sound. */
  public String integrityCheck() {
    return read(
        c -> {
          try (Statement s = c.connection().createStatement();
              ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
              out.append(out.isEmpty() ? "" : "; ").append(rs.getString(1));
            }
            return out.toString();
          }
        });
  }

  private static void exec(SqlSession c, String sql) throws SQLException {
    c.execute(sql);
  }

  private void rollbackQuietly(Throwable cause) {
    try {
      exec(writer, "ROLLBACK");
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    checkpointer.close();
    writeLock.lock();
    try {
      for (SqlSession c : all) {
        try {
          c.close();
        } catch (SQLException ignored) {
          // closing: nothing left to protect
        }
      }
    } finally {
      writeLock.unlock();
    }
  }
}
