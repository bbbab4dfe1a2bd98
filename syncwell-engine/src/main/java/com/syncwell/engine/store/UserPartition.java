package com.syncwell.engine.store;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.Page;
import com.syncwell.engine.port.table.Query;
import com.syncwell.engine.port.table.StoredItem;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole {@code USER#{userId}} partition, across the stores that own its items: what an account
 * erasure deletes and what an export counts (ARCHITECTURE.md §5). Everything SyncWell keeps about a
 * user is in it, except the webhook routing items of the user's provider accounts, which {@link
 * ConnectionStore#releaseProviderAccount} removes.
 *
 * <p>The profile is left out of {@link #keys}: it is the erasure's marker and {@link ProfileStore}
 * deletes it last.
 */
public final class UserPartition {
  /** Attempts of one batch delete before its failure is passed on. */
  static final int DELETE_ATTEMPTS = 3;

  private static final String PROFILE = "PROFILE";
  private static final String CONNECTION_PREFIX = "CONN#";

  /** Item kinds by the part of the sort key before its first {@code #}, as exports name them. */
  private static final Map<String, String> KINDS =
      Map.ofEntries(
          Map.entry("PROFILE", "profile"),
          Map.entry("CONN", "connection"),
          Map.entry("CONFIG", "syncConfig"),
          Map.entry("CURSOR", "cursor"),
          Map.entry("JOB", "syncJob"),
          Map.entry("LEDGER", "ledgerEntry"),
          Map.entry("EXPORT", "exportRequest"),
          Map.entry("IDEM", "idempotencyRecord"),
          Map.entry("OAUTHSTATE", "oauthStateNonce"),
          Map.entry("COALESCE", "webhookCoalescingMarker"),
          Map.entry("CONFIGRUN", "syncConfigRun"));

  private final MetadataTable table;

  public UserPartition(MetadataTable table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  /**
   * One page of the keys of the user's items other than the profile, in sort key order. A page may
   * be short or empty and still have a token.
   */
  public ResultPage<ItemKey> keys(String userId, int limit, Optional<String> pageToken) {
    Query query = Query.partition(UserKeys.partition(userId)).limit(limit);
    if (pageToken.isPresent()) {
      query = query.after(pageToken.get());
    }
    Page page = table.query(query);
    return new ResultPage<>(
        page.items().stream()
            .map(StoredItem::key)
            .filter(k -> !k.sortKey().equals(PROFILE))
            .toList(),
        page.nextPageToken());
  }

  /**
   * Deletes {@code keys} (all in the user's partition, the profile not among them) in batches of at
   * most {@link MetadataTable#MAX_BATCH_SIZE}, each tried up to {@link #DELETE_ATTEMPTS} times.
   * Absent keys are ignored, so a rerun after a failure is harmless.
   *
   * @throws IllegalArgumentException for a key of another partition, or the profile
   * @throws StorageFailure when a batch failed on every attempt
   */
  public void delete(String userId, List<ItemKey> keys) {
    String partition = UserKeys.partition(userId);
    for (ItemKey key : keys) {
      if (!key.partitionKey().equals(partition) || key.sortKey().equals(PROFILE)) {
        throw new IllegalArgumentException("only the user's own items, not the profile");
      }
    }
    for (int from = 0; from < keys.size(); from += MetadataTable.MAX_BATCH_SIZE) {
      List<ItemKey> batch =
          keys.subList(from, Math.min(keys.size(), from + MetadataTable.MAX_BATCH_SIZE));
      for (int attempt = 1; ; attempt++) {
        try {
          table.batchDelete(batch);
          break;
        } catch (StorageFailure e) {
          if (attempt == DELETE_ATTEMPTS) {
            throw e;
          }
        }
      }
    }
  }

  /**
   * How many live items of each kind the user has (the profile included), by the names of {@link
   * #kindOf}; kinds with none are absent.
   */
  public Map<String, Long> countByKind(String userId) {
    Map<String, Long> counts = new TreeMap<>();
    Query query = Query.partition(UserKeys.partition(userId)).limit(Query.MAX_LIMIT);
    while (true) {
      Page page = table.query(query);
      page.items().forEach(s -> counts.merge(kindOf(s.key()), 1L, Long::sum));
      if (page.nextPageToken().isEmpty()) {
        return counts;
      }
      query = query.after(page.nextPageToken().get());
    }
  }

  /**
   * The kind of a user item as exports name it ({@code connection}, {@code ledgerEntry}, ...), or
   * {@code other} for a sort key this build does not know.
   */
  public static String kindOf(ItemKey key) {
    String sortKey = key.sortKey();
    int hash = sortKey.indexOf('#');
    return KINDS.getOrDefault(hash < 0 ? sortKey : sortKey.substring(0, hash), "other");
  }

  /** The connection id of a connection item's key; empty for any other key. */
  public static Optional<String> connectionIdOf(ItemKey key) {
    String sortKey = key.sortKey();
    return sortKey.startsWith(CONNECTION_PREFIX)
        ? Optional.of(sortKey.substring(CONNECTION_PREFIX.length()))
        : Optional.empty();
  }
}
