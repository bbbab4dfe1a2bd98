package com.syncwell.aws.dynamodb;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.SecondaryIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * The schema of the metadata table (ARCHITECTURE.md §5), as {@code syncwell admin create-table} and
 * the infrastructure code declare it:
 *
 * <ul>
 *   <li>key {@code PK} (partition) and {@code SK} (sort), both strings;
 *   <li>{@code version}, a number, for optimistic locking; {@code expiresAt}, a number of epoch
 *       seconds, the TTL attribute;
 *   <li>two sparse global secondary indexes, projecting all attributes: {@code ReAuthStatus} on
 *       {@code GSI1PK}/{@code GSI1SK} and {@code Schedule} on {@code GSI2PK}/{@code GSI2SK}, whose
 *       sort key holds the index sort key followed by the table key ({@link IndexSortKey});
 *   <li>on-demand billing (PAY_PER_REQUEST).
 * </ul>
 *
 * <p>Every other attribute is an item attribute of the port, stored under its own name.
 */
public final class DynamoDbTableSchema {
  /** The table name when none is configured. */
  public static final String DEFAULT_TABLE_NAME = "SyncWellMetadata";

  static final String PARTITION_KEY = "PK";
  static final String SORT_KEY = "SK";
  static final String VERSION = "version";
  static final String EXPIRES_AT = "expiresAt";

  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbTableSchema.class);
  private static final Duration ACTIVE_WITHIN = Duration.ofMinutes(5);
  private static final Duration POLL = Duration.ofMillis(250);

  private DynamoDbTableSchema() {}

  /** The partition key attribute of {@code index} in the table. */
  static String indexPartitionKey(SecondaryIndex index) {
    return switch (index) {
      case RE_AUTH_STATUS -> "GSI1PK";
      case SCHEDULE -> "GSI2PK";
    };
  }

  /** The sort key attribute of {@code index} in the table. */
  static String indexSortKey(SecondaryIndex index) {
    return switch (index) {
      case RE_AUTH_STATUS -> "GSI1SK";
      case SCHEDULE -> "GSI2SK";
    };
  }

  /** The CreateTable request of the metadata table named {@code tableName}. */
  public static CreateTableRequest createTableRequest(String tableName) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    attributes.add(stringAttribute(PARTITION_KEY));
    attributes.add(stringAttribute(SORT_KEY));
    List<GlobalSecondaryIndex> indexes = new ArrayList<>();
    for (SecondaryIndex index : SecondaryIndex.values()) {
      attributes.add(stringAttribute(indexPartitionKey(index)));
      attributes.add(stringAttribute(indexSortKey(index)));
      indexes.add(
          GlobalSecondaryIndex.builder()
              .indexName(index.indexName())
              .keySchema(keySchema(indexPartitionKey(index), indexSortKey(index)))
              .projection(p -> p.projectionType(ProjectionType.ALL))
              .build());
    }
    return CreateTableRequest.builder()
        .tableName(tableName)
        .keySchema(keySchema(PARTITION_KEY, SORT_KEY))
        .attributeDefinitions(attributes)
        .globalSecondaryIndexes(indexes)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .build();
  }

  /** The UpdateTimeToLive request that makes the engine delete items after {@code expiresAt}. */
  public static UpdateTimeToLiveRequest timeToLiveRequest(String tableName) {
    return UpdateTimeToLiveRequest.builder()
        .tableName(tableName)
        .timeToLiveSpecification(s -> s.enabled(true).attributeName(EXPIRES_AT))
        .build();
  }

  /**
   * Creates the table unless it exists, waits (bounded) until it and its indexes are ACTIVE, and
   * turns TTL on {@code expiresAt} on. Idempotent, and safe when several processes run it at once.
   * An engine without UpdateTimeToLive (dynalite) is logged at INFO and tolerated: reads skip
   * expired items anyway.
   *
   * @return true when this call created the table
   * @throws StorageFailure when DynamoDB fails or the table is not ACTIVE in time
   * @throws IllegalStateException when an existing table lacks one of the indexes
   */
  public static boolean createIfMissing(DynamoDbClient client, String tableName) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(tableName, "tableName");
    try {
      boolean created = false;
      if (describe(client, tableName) == null) {
        try {
          client.createTable(createTableRequest(tableName));
          created = true;
          LOG.info("created DynamoDB table {}", tableName);
        } catch (ResourceInUseException concurrentlyCreated) {
          LOG.info("DynamoDB table {} is being created by another process", tableName);
        }
      }
      requireIndexes(awaitActive(client, tableName));
      enableTimeToLive(client, tableName);
      return created;
    } catch (SdkException e) {
      throw new StorageFailure(
          "creating DynamoDB table " + tableName + " failed: " + e.getMessage(), e);
    }
  }

  private static TableDescription describe(DynamoDbClient client, String tableName) {
    try {
      return client.describeTable(b -> b.tableName(tableName)).table();
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  private static TableDescription awaitActive(DynamoDbClient client, String tableName) {
    long deadline = System.nanoTime() + ACTIVE_WITHIN.toNanos();
    while (true) {
      TableDescription table = describe(client, tableName);
      if (table != null && isActive(table)) {
        return table;
      }
      if (System.nanoTime() > deadline) {
        throw new StorageFailure(
            "DynamoDB table " + tableName + " was not ACTIVE within " + ACTIVE_WITHIN, null);
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StorageFailure("interrupted waiting for table " + tableName, e);
      }
    }
  }

  private static boolean isActive(TableDescription table) {
    return table.tableStatus() == TableStatus.ACTIVE
        && table.globalSecondaryIndexes().stream()
            .allMatch(i -> i.indexStatus() == null || i.indexStatus() == IndexStatus.ACTIVE);
  }

  private static void requireIndexes(TableDescription table) {
    Set<String> present =
        table.globalSecondaryIndexes().stream()
            .map(GlobalSecondaryIndexDescription::indexName)
            .collect(Collectors.toSet());
    for (SecondaryIndex index : SecondaryIndex.values()) {
      if (!present.contains(index.indexName())) {
        throw new IllegalStateException(
            "DynamoDB table "
                + table.tableName()
                + " exists without the index "
                + index.indexName()
                + "; it was not created by this schema");
      }
    }
  }

  private static void enableTimeToLive(DynamoDbClient client, String tableName) {
    TimeToLiveStatus status =
        client
            .describeTimeToLive(b -> b.tableName(tableName))
            .timeToLiveDescription()
            .timeToLiveStatus();
    if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
      return;
    }
    try {
      client.updateTimeToLive(timeToLiveRequest(tableName));
      LOG.info("enabled TTL on {}.{}", tableName, EXPIRES_AT);
    } catch (DynamoDbException e) {
      if (e.awsErrorDetails() == null
          || !"UnknownOperationException".equals(e.awsErrorDetails().errorCode())) {
        throw e;
      }
      LOG.info(
          "the DynamoDB engine at this endpoint lacks TTL (UpdateTimeToLive): expired items of {}"
              + " stay stored; reads skip them",
          tableName);
    }
  }

  private static AttributeDefinition stringAttribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static List<KeySchemaElement> keySchema(String partition, String sort) {
    return List.of(
        KeySchemaElement.builder().attributeName(partition).keyType(KeyType.HASH).build(),
        KeySchemaElement.builder().attributeName(sort).keyType(KeyType.RANGE).build());
  }
}
