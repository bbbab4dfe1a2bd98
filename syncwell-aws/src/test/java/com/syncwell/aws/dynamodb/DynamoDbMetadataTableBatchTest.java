package com.syncwell.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
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
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Batch writes against a stub client that leaves items unprocessed or fails. */
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
   * Records the write requests of every BatchWriteItem call and answers with the unprocessed ones
   * {@code leftOver} picks from the calls so far.
   */
  private static final class StubClient implements DynamoDbClient {
    final List<List<WriteRequest>> sent = new ArrayList<>();
    private final Function<List<List<WriteRequest>>, List<WriteRequest>> leftOver;

    StubClient(Function<List<List<WriteRequest>>, List<WriteRequest>> leftOver) {
      this.leftOver = leftOver;
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
