package com.syncwell.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.engine.port.table.AttributeValue;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.StoredItem;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 of a process writing to the metadata table ({@link TableCrashChild}): every write it saw
 * acknowledged is there afterwards, the version counter never goes back, and the file stays sound.
 */
class SqliteMetadataTableCrashTest {
  private static final int KILLS = 3;

  @TempDir Path dir;
  private ChildJvm children;
  private Path dbFile;

  @BeforeEach
  void files() {
    dbFile = dir.resolve("syncwell.db");
    children = new ChildJvm(dir, TableCrashChild.class);
  }

  @AfterEach
  void killLeftovers() {
    children.close();
  }

  @RepeatedTest(3)
  void every_acknowledged_write_survives_a_kill_of_the_writer() throws Exception {
    for (int run = 0; run < KILLS; run++) {
      Process child =
          children.start("write", dbFile.toString(), children.logFile().toString(), "r" + run);
      children.awaitLines("put", children.count("put") + 500 + run * 37, child);
      children.kill(child);
    }

    Map<String, List<String>> events = children.eventsById();
    List<String> acknowledged =
        events.entrySet().stream()
            .filter(e -> e.getValue().contains("put"))
            .map(Map.Entry::getKey)
            .toList();
    long lastCounterVersion =
        events.entrySet().stream()
            .filter(e -> e.getValue().contains("counter"))
            .mapToLong(e -> Long.parseLong(e.getKey()))
            .max()
            .orElseThrow();
    try (SqliteDatabase db = SqliteDatabase.open(dbFile)) {
      MetadataTable table = new SqliteMetadataTable(db, Clock.systemUTC());

      assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLS * 500);
      for (String id : acknowledged) {
        assertThat(table.get(TableCrashChild.item(id).key()).map(StoredItem::item))
            .as("acknowledged item %s", id)
            .contains(TableCrashChild.item(id));
      }
      StoredItem counter = table.get(TableCrashChild.COUNTER).orElseThrow();
      assertThat(counter.version())
          .as("counter version after the kills")
          .isBetween(lastCounterVersion, lastCounterVersion + 1);
      assertThat(counter.item().attributes().get("count"))
          .isEqualTo(AttributeValue.of(counter.version() - 1));
      assertThat(db.integrityCheck()).isEqualTo("ok");
    }
  }
}
