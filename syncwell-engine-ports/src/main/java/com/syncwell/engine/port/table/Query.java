package com.syncwell.engine.port.table;

import java.util.Objects;
import java.util.Optional;

/**
 * A query of one partition, of the table or of a secondary index, for sort keys starting with a
 * prefix (empty: all), in one direction, at most {@code limit} items per page (1 to {@link
 * #MAX_LIMIT}), continuing after {@code pageToken} when present.
 *
 * <p>Index queries order items by index sort key, then by table key.
 */
public record Query(
    Optional<SecondaryIndex> index,
    String partitionKey,
    String sortKeyPrefix,
    Direction direction,
    int limit,
    Optional<String> pageToken) {

  public static final int MAX_LIMIT = 1000;
  public static final int DEFAULT_LIMIT = 100;

  public Query {
    Objects.requireNonNull(index, "index");
    ItemKey.requireKeyPart("partition key", partitionKey, ItemKey.MAX_PARTITION_KEY_BYTES);
    Objects.requireNonNull(sortKeyPrefix, "sortKeyPrefix");
    Objects.requireNonNull(direction, "direction");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
    }
    Objects.requireNonNull(pageToken, "pageToken");
  }

  /** All items of a table partition, ascending, {@link #DEFAULT_LIMIT} per page. */
  public static Query partition(String partitionKey) {
    return new Query(
        Optional.empty(), partitionKey, "", Direction.ASCENDING, DEFAULT_LIMIT, Optional.empty());
  }

  /** All items of an index partition, ascending, {@link #DEFAULT_LIMIT} per page. */
  public static Query index(SecondaryIndex index, String indexPartitionKey) {
    return new Query(
        Optional.of(index),
        indexPartitionKey,
        "",
        Direction.ASCENDING,
        DEFAULT_LIMIT,
        Optional.empty());
  }

  public Query sortKeyPrefix(String prefix) {
    return new Query(index, partitionKey, prefix, direction, limit, pageToken);
  }

  public Query descending() {
    return new Query(index, partitionKey, sortKeyPrefix, Direction.DESCENDING, limit, pageToken);
  }

  public Query limit(int newLimit) {
    return new Query(index, partitionKey, sortKeyPrefix, direction, newLimit, pageToken);
  }

  /** The same query continuing after the page that returned {@code token}. */
  public Query after(String token) {
    return new Query(index, partitionKey, sortKeyPrefix, direction, limit, Optional.of(token));
  }
}
