package com.syncwell.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.table.Item;
import com.syncwell.testkit.CommitGroupContract;
import com.syncwell.testkit.MutableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit-group contract on one SQLite file (whose groups are atomic), plus what a rolled-back
 * group leaves of the groups before it.
 */
class SqliteCommitGroupTest extends CommitGroupContract {
  @TempDir Path dir;

  private SqliteMetadataTable table;
  private SqliteJobQueue queue;
  private SqliteCommitGroup group;

  @Override
  protected Stores newStores(MutableClock clock) {
    SqliteDatabase db = SqliteDatabase.open(dir.resolve("syncwell.db"));
    table = new SqliteMetadataTable(db, clock);
    queue = new SqliteJobQueue(db, "jobs", clock, JobQueue.DEFAULT_MAX_RECEIVES);
    group = new SqliteCommitGroup(db);
    return new Stores(table, queue, group, db);
  }

  @Test
  void a_failed_group_does_not_undo_a_group_committed_before_it() {
    Item first = Item.builder("USER#1", "JOB#a").build();
    group.together(() -> table.putIfAbsent(first));

    assertThatThrownBy(
            () ->
                group.together(
                    () -> {
                      table.putIfAbsent(Item.builder("USER#1", "JOB#b").build());
                      throw new IllegalStateException("fails");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(table.get(first.key())).isPresent();
  }
}
