package com.syncwell.aws.dynamodb;

import static com.syncwell.aws.dynamodb.DynamoDbTableSchema.EXPIRES_AT;
import static com.syncwell.aws.dynamodb.DynamoDbTableSchema.PARTITION_KEY;
import static com.syncwell.aws.dynamodb.DynamoDbTableSchema.SORT_KEY;
import static com.syncwell.aws.dynamodb.DynamoDbTableSchema.VERSION;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.AlreadyExists;
import com.syncwell.engine.port.table.DeleteOutcome;
import com.syncwell.engine.port.table.Deleted;
import com.syncwell.engine.port.table.Direction;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.ItemUpdate;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.Page;
import com.syncwell.engine.port.table.PutOutcome;
import com.syncwell.engine.port.table.Query;
import com.syncwell.engine.port.table.SecondaryIndex;
import com.syncwell.engine.port.table.StoredItem;
import com.syncwell.engine.port.table.UpdateOutcome;
import com.syncwell.engine.port.table.VersionConflict;
import com.syncwell.engine.port.table.Written;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The metadata table (ARCHITECTURE.md §5) on DynamoDB, in the table {@link DynamoDbTableSchema}
 * describes.
 *
 * <p><b>Conditions:</b> put-if-absent writes unless a live item exists ({@code
 * attribute_not_exists(PK) OR expiresAt <= now}); version-checked writes require {@code version =
 * expected} and a live item. A partial update reads the item (strongly consistent), applies the
 * update and writes the whole item back under that condition, so a concurrent writer makes it a
 * {@link VersionConflict}, never a lost update.
 *
 * <p><b>Expiry:</b> {@code expiresAt} is a number of epoch seconds, DynamoDB's TTL attribute.
 * DynamoDB deletes expired items lazily (hours late), so every read and query filters out items
 * whose expiry is at or before the clock's now; {@link #sweepExpired} returns 0.
 *
 * <p><b>Queries:</b> table queries read strongly consistently; index queries read the global
 * secondary indexes, which are eventually consistent. A page holds up to {@code limit} live items;
 * it is short only when expired items filled the reads this page was allowed ({@value
 * #MAX_CALLS_PER_PAGE} Query calls), and then still carries a token.
 *
 * <p><b>Batches:</b> one BatchWriteItem, resending unprocessed items with exponential backoff and
 * jitter, a bounded number of times; then {@link StorageFailure} (some items may be written). A
 * batch get is one strongly consistent BatchGetItem, asking again for unprocessed keys the same
 * way.
 *
 * <p><b>Threading:</b> safe for concurrent use; the SDK client is thread-safe. <b>Failures:</b>
 * every SDK error but a failed condition becomes a {@link StorageFailure}.
 */
public final class DynamoDbMetadataTable implements MetadataTable {
  static final int MAX_CALLS_PER_PAGE = 10;

  private static final String LIVE = "(attribute_not_exists(#exp) OR #exp > :now)";
  private static final String ABSENT_OR_EXPIRED = "attribute_not_exists(#pk) OR #exp <= :now";
  private static final String AT_VERSION_AND_LIVE = "#v = :v AND " + LIVE;

  private final DynamoDbClient client;
  private final String tableName;
  private final Clock clock;
  private final BatchRetry batchRetry;

  /**
   * An adapter on the table {@code tableName} (create it with {@link
   * DynamoDbTableSchema#createIfMissing}); {@code clock} decides which items have expired. The
   * caller owns {@code client} and closes it.
   */
  public DynamoDbMetadataTable(DynamoDbClient client, String tableName, Clock clock) {
    this(client, tableName, clock, BatchRetry.DEFAULT);
  }

  DynamoDbMetadataTable(
      DynamoDbClient client, String tableName, Clock clock, BatchRetry batchRetry) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.batchRetry = Objects.requireNonNull(batchRetry, "batchRetry");
  }

  @Override
  public Optional<StoredItem> get(ItemKey key) {
    Objects.requireNonNull(key, "key");
    return read(key);
  }

  @Override
  public Map<ItemKey, StoredItem> batchGet(List<ItemKey> keys) {
    MetadataTable.requireBatch(keys, k -> k);
    Map<ItemKey, StoredItem> found = new HashMap<>();
    Instant now = clock.instant();
    untilProcessed(
        "BatchGetItem",
        "batch reads",
        "",
        keys.stream().map(ItemMapping::key).toList(),
        asking -> {
          KeysAndAttributes request =
              KeysAndAttributes.builder().keys(asking).consistentRead(true).build();
          BatchGetItemResponse response =
              call(
                  "BatchGetItem",
                  () -> client.batchGetItem(b -> b.requestItems(Map.of(tableName, request))));
          for (Map<String, AttributeValue> raw :
              response.responses().getOrDefault(tableName, List.of())) {
            StoredItem stored = ItemMapping.storedItem(raw);
            if (!stored.item().isExpiredAt(now)) {
              found.put(stored.key(), stored);
            }
          }
          KeysAndAttributes left =
              response.hasUnprocessedKeys() ? response.unprocessedKeys().get(tableName) : null;
          return left == null || !left.hasKeys() ? List.of() : left.keys();
        });
    return found;
  }

  @Override
  public PutOutcome putIfAbsent(Item item) {
    Objects.requireNonNull(item, "item");
    Map<String, AttributeValue> attributes = ItemMapping.toAttributes(item, 1);
    try {
      call(
          "PutItem",
          () ->
              client.putItem(
                  b ->
                      b.tableName(tableName)
                          .item(attributes)
                          .conditionExpression(ABSENT_OR_EXPIRED)
                          .expressionAttributeNames(
                              Map.of("#pk", PARTITION_KEY, "#exp", EXPIRES_AT))
                          .expressionAttributeValues(Map.of(":now", now()))));
      return new Written(1);
    } catch (ConditionalCheckFailedException e) {
      return new AlreadyExists();
    }
  }

  @Override
  public UpdateOutcome putIfVersion(Item item, long expectedVersion) {
    Objects.requireNonNull(item, "item");
    MetadataTable.requireExpectedVersion(expectedVersion);
    return replace(item, expectedVersion);
  }

  @Override
  public UpdateOutcome updateIfVersion(ItemKey key, long expectedVersion, ItemUpdate update) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(update, "update");
    MetadataTable.requireExpectedVersion(expectedVersion);
    Optional<StoredItem> current = read(key);
    if (current.isEmpty() || current.get().version() != expectedVersion) {
      return new VersionConflict();
    }
    return replace(update.applyTo(current.get().item()), expectedVersion);
  }

  @Override
  public DeleteOutcome deleteIfVersion(ItemKey key, long expectedVersion) {
    Objects.requireNonNull(key, "key");
    MetadataTable.requireExpectedVersion(expectedVersion);
    try {
      call(
          "DeleteItem",
          () ->
              client.deleteItem(
                  b ->
                      b.tableName(tableName)
                          .key(ItemMapping.key(key))
                          .conditionExpression(AT_VERSION_AND_LIVE)
                          .expressionAttributeNames(Map.of("#v", VERSION, "#exp", EXPIRES_AT))
                          .expressionAttributeValues(
                              Map.of(":v", ItemMapping.number(expectedVersion), ":now", now()))));
      return new Deleted();
    } catch (ConditionalCheckFailedException e) {
      return new VersionConflict();
    }
  }

  @Override
  public Page query(Query query) {
    Objects.requireNonNull(query, "query");
    Map<String, AttributeValue> start =
        query.pageToken().map(t -> startKey(query, PageToken.decode(t, query))).orElse(null);
    AttributeValue now = now();
    int wanted = query.limit() + 1; // one more than the page, to know whether more follow
    List<StoredItem> found = new ArrayList<>(Math.min(wanted, 128));
    for (int calls = 1; ; calls++) {
      QueryRequest request = request(query, start, wanted - found.size(), now);
      QueryResponse response = call("Query", () -> client.query(request));
      response.items().forEach(attributes -> found.add(ItemMapping.storedItem(attributes)));
      if (found.size() > query.limit()) {
        List<StoredItem> page = found.subList(0, query.limit());
        return new Page(page, Optional.of(tokenAfter(query, page.getLast())));
      }
      if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
        return new Page(found, Optional.empty());
      }
      start = response.lastEvaluatedKey();
      if (calls == MAX_CALLS_PER_PAGE) {
        return new Page(found, Optional.of(PageToken.encode(query, position(query, start))));
      }
    }
  }

  @Override
  public void batchPut(List<Item> items) {
    MetadataTable.requireBatch(items, Item::key);
    List<WriteRequest> requests =
        items.stream()
            .map(
                item ->
                    WriteRequest.builder()
                        .putRequest(p -> p.item(ItemMapping.toAttributes(item, 1)))
                        .build())
            .toList();
    batchWrite(requests);
  }

  @Override
  public void batchDelete(List<ItemKey> keys) {
    MetadataTable.requireBatch(keys, k -> k);
    List<WriteRequest> requests =
        keys.stream()
            .map(
                key ->
                    WriteRequest.builder().deleteRequest(d -> d.key(ItemMapping.key(key))).build())
            .toList();
    batchWrite(requests);
  }

  /** Returns 0: DynamoDB's TTL deletes expired items; reads skip them until then. */
  @Override
  public int sweepExpired(int maxItems) {
    if (maxItems < 1) {
      throw new IllegalArgumentException("maxItems must be at least 1, was " + maxItems);
    }
    return 0;
  }

  private Optional<StoredItem> read(ItemKey key) {
    var response =
        call(
            "GetItem",
            () ->
                client.getItem(
                    b -> b.tableName(tableName).key(ItemMapping.key(key)).consistentRead(true)));
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    StoredItem stored = ItemMapping.storedItem(response.item());
    return stored.item().isExpiredAt(clock.instant()) ? Optional.empty() : Optional.of(stored);
  }

  /** Writes {@code item} over a live item at {@code expectedVersion}, at the next version. */
  private UpdateOutcome replace(Item item, long expectedVersion) {
    Map<String, AttributeValue> attributes = ItemMapping.toAttributes(item, expectedVersion + 1);
    try {
      call(
          "PutItem",
          () ->
              client.putItem(
                  b ->
                      b.tableName(tableName)
                          .item(attributes)
                          .conditionExpression(AT_VERSION_AND_LIVE)
                          .expressionAttributeNames(Map.of("#v", VERSION, "#exp", EXPIRES_AT))
                          .expressionAttributeValues(
                              Map.of(":v", ItemMapping.number(expectedVersion), ":now", now()))));
      return new Written(expectedVersion + 1);
    } catch (ConditionalCheckFailedException e) {
      return new VersionConflict();
    }
  }

  private QueryRequest request(
      Query query, Map<String, AttributeValue> start, int limit, AttributeValue now) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#exp", EXPIRES_AT);
    values.put(":now", now);
    String partition =
        query.index().map(DynamoDbTableSchema::indexPartitionKey).orElse(PARTITION_KEY);
    String sort = query.index().map(DynamoDbTableSchema::indexSortKey).orElse(SORT_KEY);
    names.put("#p", partition);
    values.put(":p", ItemMapping.string(query.partitionKey()));
    String condition = "#p = :p";
    String prefix =
        query.index().isPresent()
            ? IndexSortKey.encodePrefix(query.sortKeyPrefix())
            : query.sortKeyPrefix();
    if (!prefix.isEmpty()) {
      names.put("#s", sort);
      values.put(":prefix", ItemMapping.string(prefix));
      condition += " AND begins_with(#s, :prefix)";
    }
    return QueryRequest.builder()
        .tableName(tableName)
        .indexName(query.index().map(SecondaryIndex::indexName).orElse(null))
        .consistentRead(query.index().isEmpty() ? Boolean.TRUE : null)
        .keyConditionExpression(condition)
        .filterExpression(LIVE)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .scanIndexForward(query.direction() == Direction.ASCENDING)
        .limit(limit)
        .exclusiveStartKey(start)
        .build();
  }

  /** The ExclusiveStartKey of a position of {@code query} ({@link PageToken}). */
  private static Map<String, AttributeValue> startKey(Query query, List<String> position) {
    if (query.index().isEmpty()) {
      return Map.of(
          PARTITION_KEY,
          ItemMapping.string(query.partitionKey()),
          SORT_KEY,
          ItemMapping.string(position.getFirst()));
    }
    SecondaryIndex index = query.index().get();
    ItemKey tableKey = ItemKey.of(position.get(1), position.get(2));
    String indexSort;
    try {
      indexSort = IndexSortKey.encode(position.getFirst(), tableKey);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "page token is malformed: it holds no position of the query", e);
    }
    return Map.of(
        DynamoDbTableSchema.indexPartitionKey(index),
        ItemMapping.string(query.partitionKey()),
        DynamoDbTableSchema.indexSortKey(index),
        ItemMapping.string(indexSort),
        PARTITION_KEY,
        ItemMapping.string(tableKey.partitionKey()),
        SORT_KEY,
        ItemMapping.string(tableKey.sortKey()));
  }

  /** The position of a LastEvaluatedKey of {@code query}. */
  private static List<String> position(Query query, Map<String, AttributeValue> lastEvaluated) {
    try {
      if (query.index().isEmpty()) {
        return List.of(lastEvaluated.get(SORT_KEY).s());
      }
      return IndexSortKey.decode(
          lastEvaluated.get(DynamoDbTableSchema.indexSortKey(query.index().get())).s());
    } catch (RuntimeException e) {
      throw new StorageFailure("DynamoDB returned a LastEvaluatedKey of another shape", e);
    }
  }

  private static String tokenAfter(Query query, StoredItem last) {
    List<String> position =
        query
            .index()
            .map(
                index ->
                    List.of(
                        last.item().indexKeys().get(index).sortKey(),
                        last.key().partitionKey(),
                        last.key().sortKey()))
            .orElse(List.of(last.key().sortKey()));
    return PageToken.encode(query, position);
  }

  private void batchWrite(List<WriteRequest> requests) {
    untilProcessed(
        "BatchWriteItem",
        "batch writes",
        " (the others are written)",
        requests,
        sending -> {
          BatchWriteItemResponse response =
              call(
                  "BatchWriteItem",
                  () -> client.batchWriteItem(b -> b.requestItems(Map.of(tableName, sending))));
          return response.hasUnprocessedItems()
              ? response.unprocessedItems().getOrDefault(tableName, List.of())
              : List.of();
        });
  }

  /**
   * Makes one batch call with {@code first}, then one with what the engine left unprocessed, until
   * nothing is left: at most {@link BatchRetry#maxAttempts()} calls with its backoff between them;
   * then {@link StorageFailure} saying how many were never processed.
   *
   * @param callOnce one call; returns what it left unprocessed, empty when nothing
   */
  private <R> void untilProcessed(
      String operation,
      String requests,
      String whatHappened,
      List<R> first,
      Function<List<R>, List<R>> callOnce) {
    List<R> pending = first;
    for (int attempt = 1; ; attempt++) {
      List<R> left = callOnce.apply(pending);
      if (left.isEmpty()) {
        return;
      }
      if (attempt >= batchRetry.maxAttempts()) {
        throw new StorageFailure(
            left.size()
                + " of "
                + first.size()
                + " "
                + requests
                + " were still unprocessed after "
                + attempt
                + " "
                + operation
                + " calls"
                + whatHappened,
            null);
      }
      pending = left;
      pause(batchRetry.pauseAfter(attempt));
    }
  }

  private static void pause(Duration pause) {
    if (pause.isZero()) {
      return;
    }
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageFailure("interrupted while retrying an unprocessed batch", e);
    }
  }

  private AttributeValue now() {
    return ItemMapping.number(ItemMapping.epochSeconds(clock.instant()));
  }

  /** Runs one SDK call; a failed condition passes through, every other SDK error is a failure. */
  private <T> T call(String operation, Supplier<T> request) {
    try {
      return request.get();
    } catch (ConditionalCheckFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw new StorageFailure(
          "DynamoDB " + operation + " on table " + tableName + " failed: " + e.getMessage(), e);
    }
  }
}
