package com.syncwell.engine.store;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.ItemUpdate;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.Page;
import com.syncwell.engine.port.table.PutOutcome;
import com.syncwell.engine.port.table.Query;
import com.syncwell.engine.port.table.StoredItem;
import com.syncwell.engine.port.table.UpdateOutcome;
import com.syncwell.engine.port.table.Written;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The sync ledger (ARCHITECTURE.md §8 step 8): per sync config and source record, at {@code
 * USER#{userId}} / {@code LEDGER#{configId}#{sourceItemId}}, the fingerprint written, the
 * destination id and a state. A write goes PENDING (put-if-absent, so of two workers exactly one
 * owns it) → destination write → WRITTEN (version-checked). Failures are counted; at {@link
 * #MAX_FAILURES} the record is BLOCKED with its last reason for the user to see. Needs no
 * multi-item transaction: each step is one conditional write of one item.
 */
public final class LedgerStore {
  /** Failures after which a record is BLOCKED. */
  public static final int MAX_FAILURES = 5;

  /** Longest failure reason kept; longer ones are cut. */
  public static final int MAX_REASON_LENGTH = 500;

  private static final String KIND = "ledger";
  private static final String PREFIX = "LEDGER#";
  private static final int MAX_ATTEMPTS = 8;

  private final MetadataTable table;
  private final Clock clock;

  public LedgerStore(MetadataTable table, Clock clock) {
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Creates the entry PENDING for {@code fingerprint} unless one exists; an existing one is
   * returned as it is, with whether the source changed since it was written.
   */
  public BeginWriteOutcome beginWrite(
      String userId, String configId, String sourceItemId, String fingerprint) {
    UserKeys.requireTail("fingerprint", fingerprint);
    ItemKey key = key(userId, configId, sourceItemId);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Item item =
          Item.builder(key)
              .set("kind", "LEDGER")
              .set("configId", configId)
              .set("sourceItemId", sourceItemId)
              .set("fingerprint", fingerprint)
              .set("state", LedgerState.PENDING.name())
              .set("failureCount", 0)
              .set("updatedAt", clock.instant().toString())
              .build();
      PutOutcome put = table.putIfAbsent(item);
      if (put instanceof Written written) {
        return new WriteBegun(read(userId, new StoredItem(item, written.version())));
      }
      Optional<StoredItem> existing = table.get(key);
      if (existing.isPresent()) {
        LedgerEntry current = read(userId, existing.get());
        return new AlreadyRecorded(current, current.sourceChanged(fingerprint));
      }
    }
    throw new StorageFailure("too much contention on a ledger entry", null);
  }

  /**
   * Starts writing a changed source record again: the entry goes back to PENDING for {@code
   * newFingerprint}, keeping its destination id (the destination record to update or replace), if
   * it is still at {@code current}'s version.
   */
  public UpdateOutcome beginRewrite(LedgerEntry current, String newFingerprint) {
    UserKeys.requireTail("fingerprint", newFingerprint);
    return table.updateIfVersion(
        key(current.userId(), current.configId(), current.sourceItemId()),
        current.version(),
        ItemUpdate.builder()
            .set("fingerprint", newFingerprint)
            .set("state", LedgerState.PENDING.name())
            .set("updatedAt", clock.instant().toString())
            .build());
  }

  /**
   * PENDING → WRITTEN with the destination's id, if the entry is at {@code expectedVersion}; clears
   * the failure count.
   */
  public UpdateOutcome markWritten(
      String userId,
      String configId,
      String sourceItemId,
      String destinationId,
      long expectedVersion) {
    UserKeys.requireTail("destination id", destinationId);
    return table.updateIfVersion(
        key(userId, configId, sourceItemId),
        expectedVersion,
        ItemUpdate.builder()
            .set("state", LedgerState.WRITTEN.name())
            .set("destinationId", destinationId)
            .set("failureCount", 0)
            .remove("lastReason")
            .set("updatedAt", clock.instant().toString())
            .build());
  }

  /**
   * Counts one failure of the record with its reason (which names the problem, never a health
   * value), creating the entry PENDING when there is none yet (a record that failed before its
   * write began). At {@link #MAX_FAILURES} the entry becomes BLOCKED. Returns the entry as written.
   */
  public LedgerEntry recordFailure(
      String userId, String configId, String sourceItemId, String fingerprint, String reason) {
    UserKeys.requireTail("fingerprint", fingerprint);
    Objects.requireNonNull(reason, "reason");
    String cut =
        reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
    ItemKey key = key(userId, configId, sourceItemId);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      String now = clock.instant().toString();
      Optional<StoredItem> existing = table.get(key);
      if (existing.isEmpty()) {
        Item item =
            Item.builder(key)
                .set("kind", "LEDGER")
                .set("configId", configId)
                .set("sourceItemId", sourceItemId)
                .set("fingerprint", fingerprint)
                .set("state", LedgerState.PENDING.name())
                .set("failureCount", 1)
                .set("lastReason", cut)
                .set("updatedAt", now)
                .build();
        if (table.putIfAbsent(item) instanceof Written written) {
          return read(userId, new StoredItem(item, written.version()));
        }
        continue;
      }
      LedgerEntry current = read(userId, existing.get());
      int failures = current.failureCount() + 1;
      LedgerState state = failures >= MAX_FAILURES ? LedgerState.BLOCKED : current.state();
      ItemUpdate update =
          ItemUpdate.builder()
              .set("failureCount", failures)
              .set("state", state.name())
              .set("lastReason", cut)
              .set("updatedAt", now)
              .build();
      if (table.updateIfVersion(key, current.version(), update) instanceof Written written) {
        return read(
            userId, new StoredItem(update.applyTo(existing.get().item()), written.version()));
      }
    }
    throw new StorageFailure("too much contention on a ledger entry", null);
  }

  /** The entry, if any. */
  public Optional<LedgerEntry> get(String userId, String configId, String sourceItemId) {
    return table.get(key(userId, configId, sourceItemId)).map(s -> read(userId, s));
  }

  /** One page of a config's entries, in source item id order. */
  public ResultPage<LedgerEntry> listByConfig(
      String userId, String configId, int limit, Optional<String> pageToken) {
    Query query =
        Query.partition(UserKeys.partition(userId)).sortKeyPrefix(prefix(configId)).limit(limit);
    if (pageToken.isPresent()) {
      query = query.after(pageToken.get());
    }
    Page page = table.query(query);
    return new ResultPage<>(
        page.items().stream().map(s -> read(userId, s)).toList(), page.nextPageToken());
  }

  /** One page of all of a user's entries, of every config, in config and source item id order. */
  public ResultPage<LedgerEntry> listByUser(String userId, int limit, Optional<String> pageToken) {
    Query query = Query.partition(UserKeys.partition(userId)).sortKeyPrefix(PREFIX).limit(limit);
    if (pageToken.isPresent()) {
      query = query.after(pageToken.get());
    }
    Page page = table.query(query);
    return new ResultPage<>(
        page.items().stream().map(s -> read(userId, s)).toList(), page.nextPageToken());
  }

  private static String prefix(String configId) {
    return PREFIX + UserKeys.requireId("config id", configId) + "#";
  }

  private static ItemKey key(String userId, String configId, String sourceItemId) {
    return ItemKey.of(
        UserKeys.partition(userId),
        prefix(configId) + UserKeys.requireTail("source item id", sourceItemId));
  }

  private static LedgerEntry read(String userId, StoredItem stored) {
    StoredAttributes a = new StoredAttributes(stored.item(), KIND);
    return new LedgerEntry(
        userId,
        a.string("configId"),
        a.string("sourceItemId"),
        a.string("fingerprint"),
        a.enumValue("state", LedgerState.class),
        a.optionalString("destinationId"),
        (int) a.number("failureCount"),
        a.optionalString("lastReason"),
        Instant.parse(a.string("updatedAt")),
        stored.version());
  }
}
