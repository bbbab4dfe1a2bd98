package com.syncwell.engine.port.table;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The single metadata table (ARCHITECTURE.md §5): items with a partition key and a sort key, typed
 * attributes, a version for optimistic locking, an optional expiry and optional keys for sparse
 * secondary indexes.
 *
 * <p><b>Threading:</b> implementations are safe for concurrent use by any number of threads and
 * processes sharing the same store.
 *
 * <p><b>Consistency:</b> each single-item operation is atomic; {@link #get} and table queries see
 * every write that completed before they started. There are no multi-item transactions; batch
 * operations are atomic per item only.
 *
 * <p><b>Expiry:</b> an item whose {@code expiresAt} is at or before the clock's now is absent to
 * every read and to every condition ({@link #putIfAbsent} may replace it; a version check against
 * it fails). It is deleted physically later, by the engine's own TTL or by {@link #sweepExpired}.
 *
 * <p><b>Errors:</b> expected outcomes are values ({@link PutOutcome}, {@link UpdateOutcome}, {@link
 * DeleteOutcome}). Invalid arguments throw {@link IllegalArgumentException}: among them an expected
 * version below 1, a page token that is malformed or was issued for another query, and a batch that
 * is empty, too large or repeats a key. A failing store throws {@link
 * com.syncwell.engine.port.StorageFailure}, after which the operation may or may not have happened,
 * so callers retry idempotently.
 */
public interface MetadataTable {

  /** Most items in one batch. */
  int MAX_BATCH_SIZE = 25;

  /** The live item with this key, if any. */
  Optional<StoredItem> get(ItemKey key);

  /**
   * The live items among up to {@link #MAX_BATCH_SIZE} distinct {@code keys}, by key; a key without
   * a live item is absent from the map. Each item is read as {@link #get} reads it (it sees every
   * write completed before the call), but the batch is not one snapshot. Adapters answer in one
   * round trip where the engine allows it; this default reads the keys one by one, so decorators
   * that only hook {@link #get} keep seeing every read.
   */
  default Map<ItemKey, StoredItem> batchGet(List<ItemKey> keys) {
    requireBatch(keys, k -> k);
    Map<ItemKey, StoredItem> found = new HashMap<>();
    for (ItemKey key : keys) {
      get(key).ifPresent(item -> found.put(key, item));
    }
    return found;
  }

  /** Writes {@code item} at version 1 unless a live item with its key exists. */
  PutOutcome putIfAbsent(Item item);

  /** Replaces the whole item if the stored one is live and at {@code expectedVersion}. */
  UpdateOutcome putIfVersion(Item item, long expectedVersion);

  /** Applies {@code update} if the stored item is live and at {@code expectedVersion}. */
  UpdateOutcome updateIfVersion(ItemKey key, long expectedVersion, ItemUpdate update);

  /** Deletes the item if it is live and at {@code expectedVersion}. */
  DeleteOutcome deleteIfVersion(ItemKey key, long expectedVersion);

  /** One page of a partition of the table or of a secondary index; see {@link Query}. */
  Page query(Query query);

  /**
   * Writes up to {@link #MAX_BATCH_SIZE} items unconditionally, each at version 1 (an existing item
   * is replaced and its version restarts). For items nobody version-checks concurrently. Keys must
   * be distinct.
   */
  void batchPut(List<Item> items);

  /** Deletes up to {@link #MAX_BATCH_SIZE} items unconditionally; absent keys are ignored. */
  void batchDelete(List<ItemKey> keys);

  /**
   * Physically deletes up to {@code maxItems} (at least 1) expired items and returns how many it
   * deleted. Engines that delete expired items themselves (DynamoDB TTL) return 0.
   */
  int sweepExpired(int maxItems);

  /** Refuses an expected version below 1, as every adapter must. */
  static void requireExpectedVersion(long expectedVersion) {
    if (expectedVersion < 1) {
      throw new IllegalArgumentException(
          "expected version must be at least 1 (versions start at 1), was " + expectedVersion);
    }
  }

  /** Refuses a batch that is empty, larger than {@link #MAX_BATCH_SIZE} or repeats a key. */
  static <T> void requireBatch(List<T> batch, Function<T, ItemKey> key) {
    Objects.requireNonNull(batch, "batch");
    if (batch.isEmpty()) {
      throw new IllegalArgumentException("batch is empty; it needs 1 to " + MAX_BATCH_SIZE);
    }
    if (batch.size() > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "batch has " + batch.size() + " entries; the limit is " + MAX_BATCH_SIZE);
    }
    Set<ItemKey> seen = new HashSet<>();
    for (T entry : batch) {
      ItemKey k = key.apply(Objects.requireNonNull(entry, "batch entry"));
      if (!seen.add(k)) {
        throw new IllegalArgumentException("batch has the key " + k + " more than once");
      }
    }
  }
}
