package com.syncwell.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.connector.Cursor;
import com.syncwell.domain.DataType;
import com.syncwell.engine.port.table.VersionConflict;
import com.syncwell.engine.port.table.Written;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorStoreTest {
  @TempDir Path dir;
  private StoreFixture fx;
  private CursorStore cursors;

  @BeforeEach
  void open() {
    fx = new StoreFixture(dir);
    cursors = new CursorStore(fx.table, fx.clock);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void there_is_no_cursor_before_the_first_advance() {
    assertThat(cursors.get("u1", "conn_a", DataType.WORKOUT, "cfg_1")).isEmpty();
  }

  @Test
  void the_first_advance_stores_the_cursor_at_version_one() {
    var outcome =
        cursors.advance(
            "u1", "conn_a", DataType.WORKOUT, "cfg_1", new Cursor("c1"), CursorStore.NO_CURSOR);

    assertThat(outcome).isEqualTo(new Written(1));
    StoredCursor stored = cursors.get("u1", "conn_a", DataType.WORKOUT, "cfg_1").orElseThrow();
    assertThat(stored.cursor()).isEqualTo(new Cursor("c1"));
    assertThat(stored.updatedAt()).isEqualTo(fx.clock.instant());
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void an_advance_with_the_current_version_moves_the_cursor() {
    cursors.advance(
        "u1", "conn_a", DataType.STEPS, "cfg_1", new Cursor("c1"), CursorStore.NO_CURSOR);
    fx.clock.advance(Duration.ofMinutes(5));

    var outcome = cursors.advance("u1", "conn_a", DataType.STEPS, "cfg_1", new Cursor("c2"), 1);

    assertThat(outcome).isEqualTo(new Written(2));
    assertThat(cursors.get("u1", "conn_a", DataType.STEPS, "cfg_1").orElseThrow().cursor().value())
        .isEqualTo("c2");
  }

  @Test
  void a_stale_advance_is_a_version_conflict_and_changes_nothing() {
    cursors.advance("u1", "conn_a", DataType.SLEEP_SESSION, "cfg_1", new Cursor("c1"), 0);
    cursors.advance("u1", "conn_a", DataType.SLEEP_SESSION, "cfg_1", new Cursor("c2"), 1);

    var stale =
        cursors.advance("u1", "conn_a", DataType.SLEEP_SESSION, "cfg_1", new Cursor("c-old"), 1);
    var secondFirst =
        cursors.advance("u1", "conn_a", DataType.SLEEP_SESSION, "cfg_1", new Cursor("c-new"), 0);

    assertThat(stale).isInstanceOf(VersionConflict.class);
    assertThat(secondFirst).isInstanceOf(VersionConflict.class);
    assertThat(
            cursors
                .get("u1", "conn_a", DataType.SLEEP_SESSION, "cfg_1")
                .orElseThrow()
                .cursor()
                .value())
        .isEqualTo("c2");
  }

  @Test
  void cursors_are_kept_per_connection_and_data_type() {
    cursors.advance("u1", "conn_a", DataType.WEIGHT, "cfg_1", new Cursor("w"), 0);
    cursors.advance("u1", "conn_a", DataType.HEART_RATE, "cfg_1", new Cursor("h"), 0);
    cursors.advance("u1", "conn_b", DataType.WEIGHT, "cfg_1", new Cursor("b"), 0);

    assertThat(cursors.get("u1", "conn_a", DataType.WEIGHT, "cfg_1").orElseThrow().cursor().value())
        .isEqualTo("w");
    assertThat(
            cursors
                .get("u1", "conn_a", DataType.HEART_RATE, "cfg_1")
                .orElseThrow()
                .cursor()
                .value())
        .isEqualTo("h");
    assertThat(cursors.get("u1", "conn_b", DataType.WEIGHT, "cfg_1").orElseThrow().cursor().value())
        .isEqualTo("b");
    assertThat(cursors.get("u2", "conn_a", DataType.WEIGHT, "cfg_1")).isEmpty();
  }

  @Test
  void the_cursor_lives_in_the_users_partition() {
    cursors.advance("u1", "conn_a", DataType.WORKOUT, "cfg_1", new Cursor("c"), 0);

    assertThat(
            fx.table.get(
                com.syncwell.engine.port.table.ItemKey.of(
                    "USER#u1", "CURSOR#conn_a#workout#cfg_1")))
        .isPresent();
  }

  @Test
  void two_configs_reading_one_source_keep_their_own_cursors() {
    cursors.advance("u1", "conn_a", DataType.WORKOUT, "cfg_to_strava", new Cursor("far"), 0);

    assertThat(cursors.get("u1", "conn_a", DataType.WORKOUT, "cfg_to_other")).isEmpty();
    cursors.advance("u1", "conn_a", DataType.WORKOUT, "cfg_to_other", new Cursor("near"), 0);
    assertThat(
            cursors.get("u1", "conn_a", DataType.WORKOUT, "cfg_to_strava").orElseThrow().cursor())
        .isEqualTo(new Cursor("far"));
  }
}
