package com.syncwell.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.StoredItem;
import com.syncwell.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Batch writes and reads against a stub client that leaves requests unprocessed or fails. */
class DynamoDbMetadataTableBatchTest {
  private static final String TABLE = "SyncWellMetadata";
  private static final BatchRetry NO_PAUSES = new BatchRetry(5, Duration.ZERO, Duration.ZERO);

  private final List<Item> items =
      IntStream.range(0, 10)
          .mapToObj(i -> Item.builder("USER#1", "LEDGER#%02d".formatted(i)).set("n", i).build())
          .toList();

  @Test
  void unprocessed_items_are_resent_until_the_engine_takes_them() {
    StubClient client =
        new StubClient(
            sent ->
                switch (sent.size()) {
                  case 1 -> sent.getLast().subList(7, 10); // first call: 3 left over
                  case 2 -> sent.getLast().subList(2, 3); // second call: 1 left over
                  default -> List.of();
                });

    table(client).batchPut(items);

    assertThat(client.sent).hasSize(3);
    assertThat(client.sent.get(0)).hasSize(10);
    assertThat(client.sent.get(1)).isEqualTo(client.sent.get(0).subList(7, 10));
    assertThat(client.sent.get(2)).isEqualTo(client.sent.get(1).subList(2, 3));
  }

  @Test
  void unprocessed_deletes_are_resent_too() {
    StubClient client =
        new StubClient(sent -> sent.size() < 3 ? sent.getLast().subList(0, 1) : List.of());

    table(client).batchDelete(items.stream().map(Item::key).toList());

    assertThat(client.sent).hasSize(3);
    assertThat(client.sent.get(2).getFirst().deleteRequest().key())
        .isEqualTo(ItemMapping.key(ItemKey.of("USER#1", "LEDGER#00")));
  }

  @Test
  void items_left_unprocessed_on_every_attempt_fail_the_batch_after_the_bound() {
    StubClient client = new StubClient(sent -> sent.getLast().subList(0, 2));

    assertThatThrownBy(() -> table(client).batchPut(items))
        .isInstanceOf(StorageFailure.class)
        .hasMessageContaining("2 of 10")
        .hasMessageContaining("5 BatchWriteItem calls");
    assertThat(client.sent).hasSize(NO_PAUSES.maxAttempts());
  }

  @Test
  void unprocessed_keys_of_a_batch_get_are_asked_again_and_every_answer_is_kept() {
    List<ItemKey> keys = items.stream().map(Item::key).toList();
    StubClient client =
        new StubClient(
            items, asked -> asked.size() == 1 ? asked.getLast().subList(6, 10) : List.of());

    Map<ItemKey, StoredItem> found = table(client).batchGet(keys);

    assertThat(client.asked).hasSize(2);
    assertThat(client.asked.get(1)).isEqualTo(client.asked.get(0).subList(6, 10));
    assertThat(found).containsOnlyKeys(keys);
    items.forEach(i -> assertThat(found.get(i.key())).isEqualTo(new StoredItem(i, 1)));
  }

  @Test
  void keys_left_unprocessed_on_every_attempt_fail_the_batch_get_after_the_bound() {
    StubClient client = new StubClient(items, asked -> asked.getLast().subList(0, 3));

    assertThatThrownBy(() -> table(client).batchGet(items.stream().map(Item::key).toList()))
        .isInstanceOf(StorageFailure.class)
        .hasMessageContaining("3 of 10")
        .hasMessageContaining("5 BatchGetItem calls");
    assertThat(client.asked).hasSize(NO_PAUSES.maxAttempts());
  }

  @Test
  void an_sdk_error_during_a_batch_is_a_storage_failure() {
    StubClient throttled =
        new StubClient(
            sent -> {
              throw ProvisionedThroughputExceededException.builder().message("slow down").build();
            });
    StubClient unreachable =
        new StubClient(
            sent -> {
              throw SdkClientException.create("connection refused");
            });

    assertThatThrownBy(() -> table(throttled).batchPut(items))
        .isInstanceOf(StorageFailure.class)
        .hasCauseInstanceOf(ProvisionedThroughputExceededException.class);
    assertThatThrownBy(() -> table(unreachable).batchDelete(List.of(items.getFirst().key())))
        .isInstanceOf(StorageFailure.class)
        .hasCauseInstanceOf(SdkClientException.class);
  }

  private static DynamoDbMetadataTable table(DynamoDbClient client) {
    return new DynamoDbMetadataTable(client, TABLE, MutableClock.startingAtNewYear(), NO_PAUSES);
  }

  /**
   * Records the write requests of every BatchWriteItem call and the keys of every BatchGetItem
   * call, and answers with the unprocessed ones {@code leftOver} and {@code keysLeftOver} pick from
   * the calls so far; a batch get finds the processed keys among {@code stored}, at version 1.
   */
  private static final class StubClient implements DynamoDbClient {
    final List<List<WriteRequest>> sent = new ArrayList<>();
    final List<List<Map<String, AttributeValue>>> asked = new ArrayList<>();
    private final Function<List<List<WriteRequest>>, List<WriteRequest>> leftOver;
    private final List<Item> stored;
    private final Function<
            List<List<Map<String, AttributeValue>>>, List<Map<String, AttributeValue>>>
        keysLeftOver;

    StubClient(Function<List<List<WriteRequest>>, List<WriteRequest>> leftOver) {
      this.leftOver = leftOver;
      this.stored = List.of();
      this.keysLeftOver = asked -> List.of();
    }

    StubClient(
        List<Item> stored,
        Function<List<List<Map<String, AttributeValue>>>, List<Map<String, AttributeValue>>>
            keysLeftOver) {
      this.leftOver = sent -> List.of();
      this.stored = stored;
      this.keysLeftOver = keysLeftOver;
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
      assertThat(request.requestItems().keySet()).containsExactly(TABLE);
      KeysAndAttributes keys = request.requestItems().get(TABLE);
      assertThat(keys.consistentRead()).isTrue();
      asked.add(List.copyOf(keys.keys()));
      List<Map<String, AttributeValue>> unprocessed = keysLeftOver.apply(asked);
      List<Map<String, AttributeValue>> items =
          stored.stream()
              .filter(i -> keys.keys().contains(ItemMapping.key(i.key())))
              .filter(i -> !unprocessed.contains(ItemMapping.key(i.key())))
              .map(i -> ItemMapping.toAttributes(i, 1))
              .toList();
      return BatchGetItemResponse.builder()
          .responses(Map.of(TABLE, items))
          .unprocessedKeys(
              unprocessed.isEmpty()
                  ? Map.of()
                  : Map.of(TABLE, KeysAndAttributes.builder().keys(unprocessed).build()))
          .build();
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
      assertThat(request.requestItems().keySet()).containsExactly(TABLE);
      sent.add(List.copyOf(request.requestItems().get(TABLE)));
      List<WriteRequest> unprocessed = leftOver.apply(sent);
      return BatchWriteItemResponse.builder()
          .unprocessedItems(unprocessed.isEmpty() ? Map.of() : Map.of(TABLE, unprocessed))
          .build();
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }
}
