package com.syncwell.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.testkit.Await;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseGroupCommitTest {
  @TempDir Path dir;
  private SqliteDatabase db;

  @BeforeEach
  void open() {
    db = SqliteDatabase.open(dir.resolve("g.db"));
    db.migrate("t", List.of("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)"));
  }

  /**
   * Shut down without waiting: a write left parked by a broken hand-over fails its test through
   * {@code Future.get}'s timeout instead of hanging the run.
   */
  private final ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();

  private final ExecutorService platform = Executors.newFixedThreadPool(12);

  @AfterEach
  void close() {
    virtual.shutdownNow();
    platform.shutdownNow();
    db.close();
  }

  @Test
  void writes_queued_behind_a_slow_commit_run_together_and_a_failing_one_is_rolled_back_alone()
      throws Exception {
    long commitsBefore = db.groupCommits();
    CountDownLatch release = new CountDownLatch(1);
    int writers = 40;
    Future<?> first = writeHeldUntil(release);
    AtomicInteger queued = new AtomicInteger();
    List<Future<Integer>> rest = new ArrayList<>();
    for (int i = 1; i <= writers; i++) {
      int k = i;
      rest.add(
          virtual.submit(
              () -> {
                queued.incrementAndGet();
                return db.write(
                    c -> {
                      insert(c, k);
                      if (k == 7) {
                        throw new IllegalStateException("work 7 fails after its insert");
                      }
                      if (k == 9) {
                        insert(c, 8); // duplicate key: SQLException after its own insert
                      }
                      return k;
                    });
              }));
    }
    while (queued.get() < writers || pendingCount() < writers) {
      Thread.onSpinWait();
    }
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (int i = 1; i <= writers; i++) {
      Future<Integer> f = rest.get(i - 1);
      if (i == 7) {
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
            .hasCauseInstanceOf(IllegalStateException.class);
      } else if (i == 9) {
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
            .hasCauseInstanceOf(StorageFailure.class);
      } else {
        assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(i);
      }
    }
    List<Integer> keys = keys();
    assertThat(keys).doesNotContain(7, 9).hasSize(writers - 1).contains(0, 1, 8, 40);
    assertThat(db.groupCommits() - commitsBefore).as("the slow write, then one group").isEqualTo(2);
  }

  @Test
  void more_writes_than_one_group_holds_are_committed_by_successive_leaders() throws Exception {
    long commitsBefore = db.groupCommits();
    CountDownLatch release = new CountDownLatch(1);
    int writers = SqliteDatabase.MAX_GROUP + 36;
    Future<?> first = writeHeldUntil(release);
    List<Future<Void>> rest = new ArrayList<>();
    for (int i = 1; i <= writers; i++) {
      int k = i;
      rest.add(virtual.submit(() -> db.write(c -> insert(c, k))));
    }
    while (pendingCount() < writers) {
      Thread.onSpinWait();
    }
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (Future<Void> f : rest) {
      f.get(10, TimeUnit.SECONDS);
    }
    assertThat(keys()).hasSize(writers + 1);
    assertThat(db.groupCommits() - commitsBefore)
        .as("the slow write, a full group, then the rest")
        .isEqualTo(3);
  }

  @Test
  void a_writer_interrupted_while_waiting_gets_its_outcome_and_keeps_the_interrupt()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Future<?> first = writeHeldUntil(release);
    AtomicBoolean keptInterrupt = new AtomicBoolean();
    CountDownLatch secondReturned = new CountDownLatch(1);
    Thread second =
        Thread.ofVirtual()
            .start(
                () -> {
                  db.write(c -> insert(c, 1));
                  keptInterrupt.set(Thread.currentThread().isInterrupted());
                  secondReturned.countDown();
                });
    while (pendingCount() < 1) {
      Thread.onSpinWait();
    }
    second.interrupt();
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    assertThat(secondReturned.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(keptInterrupt).isTrue();
    assertThat(keys()).containsExactly(0, 1);
  }

  @Test
  void writers_on_many_threads_all_return_with_every_write_committed() throws Exception {
    int threads = 24;
    int each = 200;
    List<Future<?>> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int base = t * each;
      ExecutorService on = t % 2 == 0 ? platform : virtual;
      all.add(
          on.submit(
              () -> {
                for (int i = 0; i < each; i++) {
                  int k = base + i;
                  db.write(c -> insert(c, k));
                }
              }));
    }
    for (Future<?> f : all) {
      f.get(60, TimeUnit.SECONDS);
    }
    assertThat(keys()).hasSize(threads * each);
    assertThat(db.pendingWrites()).isZero();
    assertThat(db.groupCommits()).isLessThanOrEqualTo(threads * each + 1L);
  }

  @Test
  void a_write_returns_only_after_its_commit_is_visible_to_readers() {
    for (int k = 0; k < 50; k++) {
      int key = k;
      db.write(c -> insert(c, key));
      assertThat(keys()).contains(key);
    }
  }

  @Test
  void nested_writes_join_the_outer_transaction() {
    assertThatThrownBy(
            () ->
                db.write(
                    c -> {
                      insert(c, 1);
                      db.write(inner -> insert(inner, 2));
                      throw new IllegalStateException("outer fails");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(keys()).isEmpty();
  }

  @Test
  void a_read_inside_a_write_sees_what_earlier_writes_of_its_group_wrote() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Future<?> first = writeHeldUntil(release);
    Future<Void> writesOne = virtual.submit(() -> db.write(c -> insert(c, 1)));
    while (pendingCount() < 1) {
      Thread.onSpinWait();
    }
    Future<List<Integer>> readsInGroup = virtual.submit(() -> db.write(c -> keys()));
    while (pendingCount() < 2) {
      Thread.onSpinWait();
    }
    long commitsBefore = db.groupCommits();
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    writesOne.get(10, TimeUnit.SECONDS);

    assertThat(readsInGroup.get(10, TimeUnit.SECONDS))
        .as("key 1 is not committed yet when the second write of the group reads")
        .containsExactly(0, 1);
    assertThat(db.groupCommits() - commitsBefore).as("both in one group").isEqualTo(1);
  }

  /** Starts a write of key 0 that holds the write lock until {@code release} opens. */
  private Future<?> writeHeldUntil(CountDownLatch release) throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    Future<?> write =
        virtual.submit(
            () ->
                db.write(
                    c -> {
                      holding.countDown();
                      Await.released(release);
                      return insert(c, 0);
                    }));
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    return write;
  }

  private int pendingCount() {
    return db.pendingWrites();
  }

  private static Void insert(SqlSession c, int k) throws SQLException {
    try (PreparedStatement ps =
        c.connection().prepareStatement("INSERT INTO t (k, v) VALUES (?, 'x')")) {
      ps.setInt(1, k);
      ps.executeUpdate();
    }
    return null;
  }

  private List<Integer> keys() {
    return db.read(
        c -> {
          List<Integer> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.connection().prepareStatement("SELECT k FROM t ORDER BY k");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(rs.getInt(1));
            }
          }
          return out;
        });
  }
}
