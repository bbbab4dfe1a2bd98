package com.syncwell.engine.store;

import com.syncwell.connector.Cursor;
import com.syncwell.domain.DataType;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.ItemUpdate;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.Page;
import com.syncwell.engine.port.table.PutOutcome;
import com.syncwell.engine.port.table.Query;
import com.syncwell.engine.port.table.StoredItem;
import com.syncwell.engine.port.table.UpdateOutcome;
import com.syncwell.engine.port.table.VersionConflict;
import com.syncwell.engine.port.table.Written;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Connector cursors, one per (user, connection, data type), at {@code USER#{userId}} / {@code
 * CURSOR#{connectionId}#{dataType}} (the data type by its wire name). The value is opaque. Every
 * advance is version-checked, so a worker holding a stale read gets a {@link VersionConflict}
 * instead of moving the cursor back over records another run has handled; that it only moves
 * forward is the caller's rule (ARCHITECTURE.md §8 step 9).
 */
public final class CursorStore {
  /** The expected version meaning "no cursor is stored yet". */
  public static final long NO_CURSOR = 0;

  private static final String KIND = "cursor";
  private static final String SORT_PREFIX = "CURSOR#";

  private final MetadataTable table;
  private final Clock clock;

  public CursorStore(MetadataTable table, Clock clock) {
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The stored cursor, if any. */
  public Optional<StoredCursor> get(
      String userId, String connectionId, DataType dataType, String configId) {
    return table
        .get(key(userId, connectionId, dataType, configId))
        .map(stored -> read(userId, connectionId, dataType, configId, stored));
  }

  /**
   * Stores {@code next} if the cursor is at {@code expectedVersion} ({@link #NO_CURSOR}: only if
   * none is stored yet); otherwise {@link VersionConflict} and nothing changes.
   */
  public UpdateOutcome advance(
      String userId,
      String connectionId,
      DataType dataType,
      String configId,
      Cursor next,
      long expectedVersion) {
    Objects.requireNonNull(next, "next");
    ItemKey key = key(userId, connectionId, dataType, configId);
    String now = clock.instant().toString();
    if (expectedVersion == NO_CURSOR) {
      Item item =
          Item.builder(key)
              .set("kind", "CURSOR")
              .set("cursor", next.value())
              .set("updatedAt", now)
              .build();
      PutOutcome put = table.putIfAbsent(item);
      return put instanceof Written written ? written : new VersionConflict();
    }
    return table.updateIfVersion(
        key,
        expectedVersion,
        ItemUpdate.builder().set("cursor", next.value()).set("updatedAt", now).build());
  }

  /**
   * All of a user's cursors, in key order. Cursors of data types this build no longer knows are
   * left out.
   */
  public List<StoredCursor> listByUser(String userId) {
    List<StoredCursor> all = new ArrayList<>();
    Query query = Query.partition(UserKeys.partition(userId)).sortKeyPrefix(SORT_PREFIX);
    while (true) {
      Page page = table.query(query);
      for (StoredItem stored : page.items()) {
        String[] parts = stored.key().sortKey().substring(SORT_PREFIX.length()).split("#", -1);
        Optional<DataType> type =
            parts.length == 3 ? DataType.fromWireName(parts[1]) : Optional.empty();
        type.ifPresent(t -> all.add(read(userId, parts[0], t, parts[2], stored)));
      }
      if (page.nextPageToken().isEmpty()) {
        return all;
      }
      query = query.after(page.nextPageToken().get());
    }
  }

  private static ItemKey key(
      String userId, String connectionId, DataType dataType, String configId) {
    Objects.requireNonNull(dataType, "dataType");
    return ItemKey.of(
        UserKeys.partition(userId),
        SORT_PREFIX
            + UserKeys.requireId("connection id", connectionId)
            + "#"
            + dataType.wireName()
            + "#"
            + UserKeys.requireId("config id", configId));
  }

  private static StoredCursor read(
      String userId, String connectionId, DataType dataType, String configId, StoredItem stored) {
    StoredAttributes a = new StoredAttributes(stored.item(), KIND);
    return new StoredCursor(
        userId,
        connectionId,
        dataType,
        configId,
        new Cursor(a.string("cursor")),
        a.instant("updatedAt"),
        stored.version());
  }
}
