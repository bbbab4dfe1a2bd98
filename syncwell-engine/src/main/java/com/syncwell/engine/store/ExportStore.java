package com.syncwell.engine.store;

import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.Page;
import com.syncwell.engine.port.table.PutOutcome;
import com.syncwell.engine.port.table.Query;
import com.syncwell.engine.port.table.StoredItem;
import com.syncwell.engine.port.table.Written;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Export requests at {@code USER#{userId}} / {@code EXPORT#{exportId}} (ARCHITECTURE.md §5). Ids
 * are {@code exp_} and a ULID-like body. Items expire {@link #RETENTION} after the request (table
 * TTL), after which the export is gone for its owner too. An item holds the id and two times only:
 * the export's content is read from the table when it is fetched, so nothing is copied.
 */
public final class ExportStore {
  /** How long an export request can be fetched. */
  public static final Duration RETENTION = Duration.ofDays(7);

  private static final String KIND = "export";
  private static final String SORT_PREFIX = "EXPORT#";

  private final MetadataTable table;
  private final Clock clock;

  public ExportStore(MetadataTable table, Clock clock) {
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A new export request of {@code userId}, kept {@link #RETENTION}. */
  public ExportRequest create(String userId) {
    String exportId = SortableIds.next("exp", clock);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Item item =
        Item.builder(key(userId, exportId))
            .set("kind", "EXPORT")
            .set("exportId", exportId)
            .set("requestedAt", now.toString())
            .expiresAt(now.plus(RETENTION))
            .build();
    PutOutcome put = table.putIfAbsent(item);
    if (!(put instanceof Written)) {
      throw new IllegalStateException("a fresh export id collided");
    }
    return new ExportRequest(exportId, userId, now, now.plus(RETENTION));
  }

  /** The request, if it exists and has not expired. */
  public Optional<ExportRequest> get(String userId, String exportId) {
    return table.get(key(userId, exportId)).map(s -> read(userId, s));
  }

  /** All of a user's live export requests, oldest first. */
  public List<ExportRequest> listByUser(String userId) {
    List<ExportRequest> all = new ArrayList<>();
    Query query = Query.partition(UserKeys.partition(userId)).sortKeyPrefix(SORT_PREFIX);
    while (true) {
      Page page = table.query(query);
      page.items().forEach(s -> all.add(read(userId, s)));
      if (page.nextPageToken().isEmpty()) {
        return all;
      }
      query = query.after(page.nextPageToken().get());
    }
  }

  private static ItemKey key(String userId, String exportId) {
    return ItemKey.of(
        UserKeys.partition(userId), SORT_PREFIX + UserKeys.requireId("export id", exportId));
  }

  private static ExportRequest read(String userId, StoredItem stored) {
    StoredAttributes a = new StoredAttributes(stored.item(), KIND);
    Instant expiresAt =
        stored
            .item()
            .expiresAt()
            .orElseThrow(() -> new IllegalStateException("a stored export has no expiry"));
    return new ExportRequest(a.string("exportId"), userId, a.instant("requestedAt"), expiresAt);
  }
}
