package com.syncwell.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.ItemUpdate;
import com.syncwell.engine.port.table.Written;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single-threaded throughput of the conditional writes, against the target of 5,000 operations per
 * second each. Timing depends on the machine, so it runs only on request: {@code mvn -pl
 * syncwell-store-sqlite test -Dtest=SqliteMetadataTableThroughputTest -Dsyncwell.throughput=true}.
 */
@EnabledIfSystemProperty(named = "syncwell.throughput", matches = "true")
class SqliteMetadataTableThroughputTest {
  private static final int TARGET_PER_SECOND = 5_000;
  private static final int OPERATIONS = 20_000;

  @TempDir Path dir;

  @Test
  void put_if_absent_and_update_if_version_each_reach_5000_per_second() {
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("throughput.db"))) {
      SqliteMetadataTable table = new SqliteMetadataTable(db, Clock.systemUTC());
      run(table, "warmup", OPERATIONS);

      double[] rates = run(table, "measured", OPERATIONS);

      System.out.printf(
          "putIfAbsent %.0f/s, updateIfVersion %.0f/s, get %.0f/s%n", rates[0], rates[1], rates[2]);
      assertThat(rates[0]).as("putIfAbsent per second").isGreaterThan(TARGET_PER_SECOND);
      assertThat(rates[1]).as("updateIfVersion per second").isGreaterThan(TARGET_PER_SECOND);
    }
  }

  private static double[] run(SqliteMetadataTable table, String round, int n) {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      assertThat(table.putIfAbsent(item(round, i))).isEqualTo(new Written(1));
    }
    long puts = System.nanoTime() - start;
    start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      assertThat(
              table.updateIfVersion(
                  key(round, i), 1, ItemUpdate.builder().set("progress", i + 1).build()))
          .isEqualTo(new Written(2));
    }
    long updates = System.nanoTime() - start;
    start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      assertThat(table.get(key(round, i))).isPresent();
    }
    long gets = System.nanoTime() - start;
    return new double[] {perSecond(n, puts), perSecond(n, updates), perSecond(n, gets)};
  }

  private static double perSecond(int n, long nanos) {
    return n / (nanos / 1e9);
  }

  private static ItemKey key(String round, int i) {
    return ItemKey.of("USER#" + (i % 100), "JOB#" + round + "#" + i);
  }

  private static Item item(String round, int i) {
    return Item.builder(key(round, i))
        .set("status", "RUNNING")
        .set("progress", i)
        .set("owner", "worker-1")
        .build();
  }
}
