package com.syncwell.store.sqlite;

import com.syncwell.engine.port.table.AttributeValue.NumberValue;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.ItemUpdate;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.Written;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The process {@link SqliteMetadataTableCrashTest} kills with SIGKILL. Usage: {@code write <db>
 * <log> <run>}: forever, puts a new ledger-like item {@code <run>-<n>} if absent and logs {@code
 * put <run>-<n>} once the put returned, then bumps the shared counter item with a version check and
 * logs {@code counter <version>} once that returned. Each line is one unbuffered write.
 */
public final class TableCrashChild {
  static final ItemKey COUNTER = ItemKey.of("USER#crash", "COUNTER");

  public static void main(String[] args) throws Exception {
    try (SqliteDatabase db = SqliteDatabase.open(Path.of(args[1]));
        FileOutputStream log = new FileOutputStream(args[2], true)) {
      MetadataTable table = new SqliteMetadataTable(db, Clock.systemUTC());
      String run = args[3];
      table.putIfAbsent(Item.builder(COUNTER).set("count", 0).build());
      for (long n = 0; ; n++) {
        String id = run + "-" + n;
        if (!(table.putIfAbsent(item(id)) instanceof Written)) {
          throw new IllegalStateException("fresh key " + id + " was taken");
        }
        line(log, "put " + id);
        var current = table.get(COUNTER).orElseThrow();
        long count = ((NumberValue) current.item().attributes().get("count")).longValue();
        var outcome =
            table.updateIfVersion(
                COUNTER, current.version(), ItemUpdate.builder().set("count", count + 1).build());
        if (outcome instanceof Written w) {
          line(log, "counter " + w.version());
        }
      }
    }
  }

  static Item item(String id) {
    return Item.builder("USER#crash", "LEDGER#cfg#" + id)
        .set("fingerprint", "sha256:" + id)
        .set("state", "WRITTEN")
        .build();
  }

  private static void line(FileOutputStream log, String text) throws IOException {
    log.write((text + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
