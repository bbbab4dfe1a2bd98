package com.syncwell.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.syncwell.testkit.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class WalCheckpointerTest {
  /** Long enough that the background thread never runs a round during a test that calls them. */
  private static final Duration NEVER = Duration.ofHours(1);

  private static final int PAGE = 4096;

  @TempDir Path dir;
  private SqliteDatabase db;

  private SqliteDatabase open(Duration interval, int restartFrames) {
    db = SqliteDatabase.open(dir.resolve("w.db"), interval, restartFrames);
    db.migrate("t", List.of("CREATE TABLE t (k INTEGER PRIMARY KEY, v BLOB NOT NULL)"));
    return db;
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void commits_leave_the_wal_to_the_checkpointer_which_copies_all_of_it() throws Exception {
    open(NEVER, Integer.MAX_VALUE);
    insertPages(0, 1_500); // more than SQLite's own threshold of 1,000 pages

    assertThat(walBytes()).isGreaterThan(1_500L * PAGE);
    assertThat(Files.size(db.file())).as("nothing copied by the commit").isLessThan(100L * PAGE);
    WalCheckpointer.Progress progress = db.checkpointer().round();
    assertThat(Files.size(db.file())).isGreaterThan(1_500L * PAGE);
    assertThat(progress.busy()).isFalse();
    assertThat(progress.walFrames()).isGreaterThanOrEqualTo(1_500);
    assertThat(progress.copiedFrames()).isEqualTo(progress.walFrames());
    assertThat(db.checkpointer().exclusiveRounds()).isZero();
    assertThat(db.integrityCheck()).isEqualTo("ok");
  }

  @Test
  void a_long_wal_is_finished_under_the_write_lock_so_the_next_write_starts_it_over()
      throws Exception {
    open(NEVER, 200);
    insertPages(0, 300);
    WalCheckpointer.Progress first = db.checkpointer().round();
    assertThat(first.walFrames()).isGreaterThanOrEqualTo(300);
    assertThat(db.checkpointer().exclusiveRounds()).isEqualTo(1);

    insertPages(300, 1);
    WalCheckpointer.Progress next = db.checkpointer().round();
    assertThat(next.walFrames()).isLessThan(first.walFrames()).isLessThan(200);
    assertThat(db.checkpointer().exclusiveRounds()).isEqualTo(1);
    assertThat(rows()).isEqualTo(301);
  }

  @Test
  void a_short_wal_is_copied_without_the_write_lock() throws Exception {
    open(NEVER, 200);
    insertPages(0, 20);
    db.checkpointer().round();
    assertThat(db.checkpointer().exclusiveRounds()).isZero();
  }

  @Test
  void the_background_thread_checkpoints_on_its_own_and_stops_on_close() throws Exception {
    open(Duration.ofMillis(5), 1);
    insertPages(0, 50);
    Await.until("a round took the write lock", () -> db.checkpointer().exclusiveRounds() >= 1);
    insertPages(50, 1);
    // the next write starts the WAL over: a round then finds only that write's frames in it
    Await.until("the WAL started over", () -> db.checkpointer().last().walFrames() < 50);

    db.close();
    assertThat(db.checkpointer().isRunning()).isFalse();
    db = SqliteDatabase.open(dir.resolve("w.db"));
    assertThat(rows()).isEqualTo(51);
  }

  @Test
  void between_commits_the_background_rounds_catch_up_so_the_wal_starts_over_without_the_lock() {
    open(Duration.ofMillis(5), Integer.MAX_VALUE);
    insertPages(0, 200);
    Await.until(
        "a round copied the whole WAL",
        () -> {
          WalCheckpointer.Progress last = db.checkpointer().last();
          return last.walFrames() >= 200 && last.copiedFrames() == last.walFrames();
        });
    insertPages(200, 1);
    Await.until("the WAL started over", () -> db.checkpointer().last().walFrames() < 200);

    assertThat(db.checkpointer().exclusiveRounds()).isZero();
    assertThat(rows()).isEqualTo(201);
  }

  @Test
  void a_write_that_waited_for_a_locked_round_runs_when_the_round_lets_go() throws Exception {
    open(NEVER, Integer.MAX_VALUE);
    CompletableFuture<Integer> waiting = new CompletableFuture<>();
    db.holdingWriteLock(
        () -> {
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      waiting.complete(db.write(c -> 42));
                    } catch (RuntimeException e) {
                      waiting.completeExceptionally(e);
                    }
                  });
          Await.until("the write is parked", () -> db.pendingWrites() == 1);
          return null;
        });
    assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(42);
  }

  @Test
  void a_checkpoint_that_keeps_failing_is_logged_on_the_first_tenth_and_hundredth_failure()
      throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(WalCheckpointer.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    try {
      Connection broken = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("b.db"));
      broken.close();
      WalCheckpointer.Exclusive unlocked =
          new WalCheckpointer.Exclusive() {
            @Override
            public <T> T run(Supplier<T> work) {
              return work.get();
            }
          };
      try (WalCheckpointer failing =
          new WalCheckpointer(broken, Duration.ofMillis(1), Integer.MAX_VALUE, unlocked)) {
        failing.start();
        Await.until("120 rounds failed", () -> failing.failures() >= 120);
      }
    } finally {
      logger.detachAppender(events);
    }

    assertThat(events.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .extracting(ILoggingEvent::getFormattedMessage)
        .hasSize(3)
        .satisfiesExactly(
            m -> assertThat(m).contains("(1 rounds in a row"),
            m -> assertThat(m).contains("(10 rounds in a row"),
            m -> assertThat(m).contains("(100 rounds in a row"));
  }

  @Test
  void powers_of_ten_are_recognised() {
    assertThat(List.of(1L, 10L, 100L, 1_000_000L)).allMatch(WalCheckpointer::isPowerOfTen);
    assertThat(List.of(0L, 2L, 11L, 20L, 110L, 1_001L)).noneMatch(WalCheckpointer::isPowerOfTen);
  }

  private void insertPages(int from, int count) {
    db.write(
        c -> {
          PreparedStatement ps = c.prepare("INSERT INTO t (k, v) VALUES (?, randomblob(?))");
          for (int k = from; k < from + count; k++) {
            ps.setInt(1, k);
            ps.setInt(2, PAGE);
            ps.executeUpdate();
          }
          return null;
        });
  }

  private int rows() {
    return db.read(
        c -> {
          try (var rs = c.prepare("SELECT count(*) FROM t").executeQuery()) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  private long walBytes() throws Exception {
    return Files.size(Path.of(db.file() + "-wal"));
  }
}
