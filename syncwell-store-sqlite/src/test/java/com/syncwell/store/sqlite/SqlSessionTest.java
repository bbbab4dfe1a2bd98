package com.syncwell.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlSessionTest {
  private static final String COUNT = "SELECT count(*) FROM t";

  @TempDir Path dir;
  private SqliteDatabase db;

  @BeforeEach
  void open() {
    db = SqliteDatabase.open(dir.resolve("s.db"));
    db.migrate("t", List.of("CREATE TABLE t (k INTEGER PRIMARY KEY)"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void the_same_sql_gets_the_same_compiled_statement_with_its_parameters_cleared()
      throws Exception {
    db.write(
        c -> {
          PreparedStatement first = c.prepare("INSERT INTO t (k) VALUES (?)");
          first.setInt(1, 1);
          first.executeUpdate();
          PreparedStatement again = c.prepare("INSERT INTO t (k) VALUES (?)");
          assertThat(again).isSameAs(first);
          assertThat(again.getParameterMetaData().getParameterCount()).isEqualTo(1);
          again.setInt(1, 2);
          again.executeUpdate();
          return null;
        });

    assertThat(count()).isEqualTo(2);
  }

  @Test
  void a_reader_reusing_its_statement_sees_writes_committed_after_its_last_read() {
    assertThat(count()).isZero();
    for (int k = 1; k <= 10; k++) {
      int key = k;
      db.write(
          c -> {
            PreparedStatement ps = c.prepare("INSERT INTO t (k) VALUES (?)");
            ps.setInt(1, key);
            return ps.executeUpdate();
          });
      // Every reader of the pool has run COUNT by now and kept it compiled; none may still be
      // holding the snapshot of its previous read.
      for (int r = 0; r < 8; r++) {
        assertThat(count()).isEqualTo(k);
      }
    }
  }

  @Test
  void statements_beyond_the_bound_are_closed_least_recently_used_first() throws Exception {
    db.write(
        c -> {
          PreparedStatement oldest = c.prepare("SELECT 0");
          for (int i = 1; i <= SqlSession.MAX_STATEMENTS; i++) {
            c.prepare("SELECT " + i);
          }
          assertThat(c.cachedStatements()).isEqualTo(SqlSession.MAX_STATEMENTS);
          assertThat(oldest.isClosed()).isTrue();
          PreparedStatement reopened = c.prepare("SELECT 0");
          assertThat(reopened.isClosed()).isFalse();
          return null;
        });
  }

  private long count() {
    return db.read(
        c -> {
          try (ResultSet rs = c.prepare(COUNT).executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
