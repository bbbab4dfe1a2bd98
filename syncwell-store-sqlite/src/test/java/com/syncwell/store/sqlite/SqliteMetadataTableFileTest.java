package com.syncwell.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.AlreadyExists;
import com.syncwell.engine.port.table.AttributeValue;
import com.syncwell.engine.port.table.Direction;
import com.syncwell.engine.port.table.IndexKey;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.ItemUpdate;
import com.syncwell.engine.port.table.PutOutcome;
import com.syncwell.engine.port.table.Query;
import com.syncwell.engine.port.table.SecondaryIndex;
import com.syncwell.engine.port.table.StoredItem;
import com.syncwell.engine.port.table.Written;
import com.syncwell.testkit.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite metadata table shows: the file, its schema, its SQL. */
class SqliteMetadataTableFileTest {
  @TempDir Path dir;
  private final MutableClock clock = MutableClock.startingAtNewYear();
  private final List<SqliteDatabase> opened = new ArrayList<>();
  private Path file;

  @BeforeEach
  void pickFile() {
    file = dir.resolve("data").resolve("syncwell.db");
  }

  @AfterEach
  void closeAll() {
    opened.forEach(SqliteDatabase::close);
  }

  private SqliteDatabase open() {
    SqliteDatabase db = SqliteDatabase.open(file);
    opened.add(db);
    return db;
  }

  @Test
  void data_survives_closing_and_reopening_the_file() {
    Item item =
        Item.builder("USER#1", "CONN#1")
            .set("token", AttributeValue.of(new byte[] {1, 2, 3}))
            .set("amount", AttributeValue.of(new BigDecimal("-12.50")))
            .set(
                "tags", AttributeValue.of(List.of(AttributeValue.of("a"), AttributeValue.of(true))))
            .expiresAt(clock.instant().plus(Duration.ofDays(30)))
            .indexKey(SecondaryIndex.RE_AUTH_STATUS, IndexKey.of("REAUTH", "USER#1#CONN#1"))
            .build();
    SqliteDatabase first = open();
    SqliteMetadataTable table = new SqliteMetadataTable(first, clock);
    table.putIfAbsent(item);
    table.updateIfVersion(item.key(), 1, ItemUpdate.builder().set("calls", 7).build());
    first.close();

    SqliteMetadataTable reopened = new SqliteMetadataTable(open(), clock);

    Item expected = item.toBuilder().set("calls", 7).build();
    assertThat(reopened.get(item.key())).contains(new StoredItem(expected, 2));
    assertThat(reopened.query(Query.index(SecondaryIndex.RE_AUTH_STATUS, "REAUTH")).items())
        .containsExactly(new StoredItem(expected, 2));
    assertThat(reopened.putIfAbsent(item)).isEqualTo(new AlreadyExists());
  }

  @Test
  void the_schema_version_of_the_metadata_component_is_recorded_once() {
    SqliteDatabase db = open();
    new SqliteMetadataTable(db, clock).putIfAbsent(Item.builder("USER#1", "PROFILE").build());

    new SqliteMetadataTable(db, clock); // a second start migrates nothing and keeps the data

    assertThat(db.schemaVersion("metadata")).isEqualTo(SqliteMetadataTable.SCHEMA_VERSION);
    assertThat(SqliteMetadataTable.SCHEMA_VERSION).isEqualTo(4);
    assertThat(new SqliteMetadataTable(db, clock).get(ItemKey.of("USER#1", "PROFILE"))).isPresent();
  }

  @Test
  void a_file_whose_metadata_schema_is_newer_than_this_build_is_refused_naming_it() {
    SqliteDatabase db = open();
    new SqliteMetadataTable(db, clock);
    db.write(
        c -> {
          try (PreparedStatement ps =
              c.connection()
                  .prepareStatement(
                      "UPDATE schema_version SET version = version + 1 WHERE component = 'metadata'")) {
            return ps.executeUpdate();
          }
        });
    db.close();

    SqliteDatabase reopened = open();

    assertThatThrownBy(() -> new SqliteMetadataTable(reopened, clock))
        .isInstanceOf(StorageFailure.class)
        .hasMessageContaining("'metadata'")
        .hasMessageContaining("syncwell.db")
        .hasMessageContaining("version " + (SqliteMetadataTable.SCHEMA_VERSION + 1));
  }

  @Test
  void attributes_are_stored_as_typed_json_and_keys_expiry_and_index_keys_in_columns() {
    SqliteDatabase db = open();
    SqliteMetadataTable table = new SqliteMetadataTable(db, clock);
    Instant expiry = Instant.parse("2026-02-01T00:00:00.123Z");
    table.putIfAbsent(
        Item.builder("USER#1", "JOB#1")
            .set("s", "x")
            .set("n", AttributeValue.of(new BigDecimal("1.50")))
            .set("b", AttributeValue.of(new byte[] {1, 2}))
            .set("t", true)
            .set("l", AttributeValue.of(List.of(AttributeValue.of(1))))
            .set("m", AttributeValue.of(Map.of("k", AttributeValue.of("v"))))
            .expiresAt(expiry)
            .indexKey(SecondaryIndex.SCHEDULE, IndexKey.of("DUE", "T1"))
            .build());

    List<Object> row =
        db.read(
            c -> {
              try (PreparedStatement ps =
                      c.connection()
                          .prepareStatement(
                              "SELECT version, expires_at, reauth_status_pk, reauth_status_sk,"
                                  + " schedule_pk, schedule_sk, attributes FROM meta_items");
                  ResultSet rs = ps.executeQuery()) {
                rs.next();
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= 7; i++) {
                  values.add(rs.getObject(i));
                }
                return values;
              }
            });

    assertThat(row)
        .containsExactly(
            1,
            expiry.toEpochMilli(),
            null,
            null,
            "DUE",
            "T1",
            "{\"s\":{\"S\":\"x\"},\"n\":{\"N\":\"1.50\"},\"b\":{\"B\":\"AQI=\"},"
                + "\"t\":{\"BOOL\":true},\"l\":{\"L\":[{\"N\":\"1\"}]},"
                + "\"m\":{\"M\":{\"k\":{\"S\":\"v\"}}}}");
  }

  @Test
  void numbers_keep_their_scale_and_expiry_is_kept_to_the_millisecond() {
    SqliteMetadataTable table = new SqliteMetadataTable(open(), clock);
    Instant expiry = Instant.parse("2026-02-01T00:00:00.123456789Z");
    table.putIfAbsent(
        Item.builder("USER#1", "JOB#1")
            .set("n", AttributeValue.of(new BigDecimal("1.500")))
            .set("e", AttributeValue.of(new BigDecimal("1E+3")))
            .expiresAt(expiry)
            .build());

    Item stored = table.get(ItemKey.of("USER#1", "JOB#1")).orElseThrow().item();

    assertThat(((AttributeValue.NumberValue) stored.attribute("n").orElseThrow()).value())
        .hasToString("1.500");
    assertThat(((AttributeValue.NumberValue) stored.attribute("e").orElseThrow()).value())
        .hasToString("1E+3");
    assertThat(stored.expiresAt()).contains(Instant.parse("2026-02-01T00:00:00.123Z"));
  }

  @Test
  void corrupt_attributes_are_a_storage_failure() {
    SqliteDatabase db = open();
    SqliteMetadataTable table = new SqliteMetadataTable(db, clock);
    table.putIfAbsent(Item.builder("USER#1", "JOB#1").set("s", "x").build());
    db.write(
        c -> {
          try (PreparedStatement ps =
              c.connection()
                  .prepareStatement("UPDATE meta_items SET attributes = '{\"s\":{\"X\":1}}'")) {
            return ps.executeUpdate();
          }
        });

    assertThatThrownBy(() -> table.get(ItemKey.of("USER#1", "JOB#1")))
        .isInstanceOf(StorageFailure.class)
        .hasMessageContaining("JOB#1");
  }

  @Test
  void sweep_refuses_a_max_below_one() {
    SqliteMetadataTable table = new SqliteMetadataTable(open(), clock);

    assertThatThrownBy(() -> table.sweepExpired(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void queries_and_the_sweep_are_answered_from_sql_indexes_without_sorting() {
    SqliteDatabase db = open();
    new SqliteMetadataTable(db, clock);
    List<String> statements = new ArrayList<>();
    for (Optional<SecondaryIndex> index :
        List.of(
            Optional.<SecondaryIndex>empty(),
            Optional.of(SecondaryIndex.RE_AUTH_STATUS),
            Optional.of(SecondaryIndex.SCHEDULE))) {
      for (Direction direction : Direction.values()) {
        for (String prefix : List.of("", "JOB#")) {
          Query query = new Query(index, "P", prefix, direction, 10, Optional.empty());
          QueryColumns columns = QueryColumns.of(index);
          for (Optional<List<String>> after :
              List.of(
                  Optional.<List<String>>empty(),
                  Optional.of(Collections.nCopies(columns.order().size(), "JOB#5")))) {
            statements.add(PageSelect.of(query, columns, after, 0).sql());
          }
        }
      }
    }
    statements.add(SqliteMetadataTable.SWEEP);

    for (String sql : statements) {
      String plan = queryPlan(db, sql);
      assertThat(plan).as(sql).contains("USING").doesNotContain("SCAN", "TEMP B-TREE");
    }
    assertThat(queryPlan(db, SqliteMetadataTable.SWEEP)).contains("meta_items_expiry");
  }

  @Test
  void two_handles_on_one_file_see_each_others_writes_and_race_safely() throws Exception {
    SqliteMetadataTable one = new SqliteMetadataTable(open(), clock);
    SqliteMetadataTable two = new SqliteMetadataTable(open(), clock);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        ItemKey key = ItemKey.of("USER#1", "IDEM#" + round);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PutOutcome>> outcomes = new ArrayList<>();
        for (SqliteMetadataTable table : List.of(one, two)) {
          outcomes.add(
              pool.submit(
                  () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return table.putIfAbsent(Item.builder(key).build());
                  }));
        }
        start.countDown();
        List<PutOutcome> results = new ArrayList<>();
        for (Future<PutOutcome> f : outcomes) {
          results.add(f.get(30, TimeUnit.SECONDS));
        }
        assertThat(results).containsExactlyInAnyOrder(new Written(1), new AlreadyExists());
        assertThat(one.get(key)).isEqualTo(two.get(key)).isPresent();
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void the_upper_bound_of_a_prefix_is_the_least_string_after_all_its_extensions() {
    assertThat(PageSelect.prefixUpperBound("")).isEmpty();
    assertThat(PageSelect.prefixUpperBound("JOB#1")).contains("JOB#2");
    assertThat(PageSelect.prefixUpperBound("é")).contains("ê");
    assertThat(PageSelect.prefixUpperBound("😀")).contains("😁");
    assertThat(PageSelect.prefixUpperBound("a\uD7FF")).contains("a\uE000");
    assertThat(PageSelect.prefixUpperBound("a\uFFFF")).contains("a\uD800\uDC00");
    assertThat(PageSelect.prefixUpperBound("a" + Character.toString(0x10FFFF))).contains("b");
    assertThat(PageSelect.prefixUpperBound(Character.toString(0x10FFFF))).isEmpty();
  }

  @Test
  void a_page_token_holding_a_position_outside_the_prefix_is_refused() {
    SqliteMetadataTable table = new SqliteMetadataTable(open(), clock);
    Query query = Query.partition("USER#1").sortKeyPrefix("JOB#").limit(1);
    String forged = new PageToken(PageToken.queryId(query), List.of("CONN#1")).encode();

    assertThatThrownBy(() -> table.query(query.after(forged)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("page token");
  }

  private static String queryPlan(SqliteDatabase db, String sql) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.connection().prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            int parameters = ps.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= parameters; i++) {
              ps.setString(i, "x");
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                plan.append(rs.getString(4)).append('\n');
              }
            }
            return plan.toString();
          }
        });
  }
}
