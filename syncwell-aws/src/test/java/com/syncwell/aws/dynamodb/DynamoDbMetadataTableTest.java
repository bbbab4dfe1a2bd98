package com.syncwell.aws.dynamodb;

import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.testkit.MetadataTableContract;
import com.syncwell.testkit.MutableClock;
import com.syncwell.testkit.servers.DynaliteServer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The metadata table contract against dynalite: one server for the class, a fresh table per test.
 */
class DynamoDbMetadataTableTest extends MetadataTableContract {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static DynaliteServer dynalite;
  private static DynamoDbClient client;
  private String tableName;

  @BeforeAll
  static void startDynalite() {
    dynalite = DynaliteServer.start();
    client = DynamoDbClients.forLocalEndpoint(dynalite.endpoint());
  }

  @AfterAll
  static void stopDynalite() {
    client.close();
    dynalite.close();
  }

  @Override
  protected MetadataTable newTable(MutableClock clock) {
    tableName = "SyncWellMetadata-contract-" + TABLES.incrementAndGet();
    DynamoDbTableSchema.createIfMissing(client, tableName);
    return new DynamoDbMetadataTable(client, tableName, clock);
  }

  @AfterEach
  void deleteTable() {
    client.deleteTable(b -> b.tableName(tableName));
  }

  /**
   * DynamoDB deletes expired items itself (TTL, lazily) and the adapter's sweepExpired returns 0 by
   * design; dynalite has no TTL at all. The sweep tests are skipped; that reads and conditions
   * ignore expired items is still tested in full.
   */
  @Override
  protected boolean sweepsExpiredItemsOnRequest() {
    return false;
  }
}
