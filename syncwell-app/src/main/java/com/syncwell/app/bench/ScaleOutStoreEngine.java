package com.syncwell.app.bench;

import com.syncwell.aws.dynamodb.DynamoDbMetadataTable;
import com.syncwell.aws.dynamodb.DynamoDbTableSchema;
import com.syncwell.aws.sqs.SqsJobQueue;
import com.syncwell.aws.sqs.SqsQueueUrls;
import com.syncwell.aws.sqs.SqsQueues;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.table.MetadataTable;
import java.time.Clock;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The scale-out engines: a new DynamoDB table ({@code syncwell-bench-<benchmark>-<run>}, the schema
 * {@code admin create-table} declares) or a new SQS queue pair per benchmark, deleted when the
 * benchmark ends. Every SDK call the adapters make is counted ({@link #remoteCalls()}). The caller
 * owns the clients and closes them.
 */
public final class ScaleOutStoreEngine implements StoreEngine {
  private final String name;
  private final DynamoDbClient dynamoDb;
  private final SqsClient sqs;
  private final Clock clock;
  private final CallCounter counter = new CallCounter();
  private final String run = Long.toString(System.currentTimeMillis(), 36);

  public ScaleOutStoreEngine(String name, DynamoDbClient dynamoDb, SqsClient sqs, Clock clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.dynamoDb = counter.counting(DynamoDbClient.class, dynamoDb);
    this.sqs = counter.counting(SqsClient.class, sqs);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public FreshStore<MetadataTable> freshTable(String benchmark) {
    String table = "syncwell-bench-" + benchmark + "-" + run;
    DynamoDbTableSchema.createIfMissing(dynamoDb, table);
    return new FreshStore<>(
        new DynamoDbMetadataTable(dynamoDb, table, clock),
        () -> dynamoDb.deleteTable(b -> b.tableName(table)));
  }

  @Override
  public FreshStore<JobQueue> freshQueue(String benchmark) {
    SqsQueueUrls urls =
        SqsQueues.createIfMissing(
            sqs, "syncwell-bench-" + benchmark + "-" + run, JobQueue.DEFAULT_MAX_RECEIVES);
    return new FreshStore<>(
        new SqsJobQueue(sqs, urls, JobQueue.DEFAULT_MAX_RECEIVES),
        () -> {
          sqs.deleteQueue(b -> b.queueUrl(urls.queueUrl()));
          sqs.deleteQueue(b -> b.queueUrl(urls.deadLetterQueueUrl()));
        });
  }

  @Override
  public long remoteCalls() {
    return counter.calls();
  }
}
