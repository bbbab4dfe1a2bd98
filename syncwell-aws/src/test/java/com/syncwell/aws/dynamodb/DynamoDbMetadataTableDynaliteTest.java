package com.syncwell.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.AttributeValue;
import com.syncwell.engine.port.table.IndexKey;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.Page;
import com.syncwell.engine.port.table.Query;
import com.syncwell.engine.port.table.SecondaryIndex;
import com.syncwell.engine.port.table.StoredItem;
import com.syncwell.engine.port.table.Written;
import com.syncwell.testkit.MutableClock;
import com.syncwell.testkit.servers.DynaliteServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** What the DynamoDB adapter adds to the port's contract, on dynalite. */
class DynamoDbMetadataTableDynaliteTest {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static DynaliteServer dynalite;
  private static DynamoDbClient client;

  private final MutableClock clock = MutableClock.startingAtNewYear();
  private String tableName;
  private DynamoDbMetadataTable table;

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

  @BeforeEach
  void createTable() {
    tableName = "SyncWellMetadata-adapter-" + TABLES.incrementAndGet();
    DynamoDbTableSchema.createIfMissing(client, tableName);
    table = new DynamoDbMetadataTable(client, tableName, clock);
  }

  @AfterEach
  void deleteTable() {
    client.deleteTable(b -> b.tableName(tableName));
  }

  // ---------------------------------------------------------------- schema

  @Test
  void create_if_missing_creates_the_table_once_and_keeps_its_items_when_run_again() {
    String name = tableName + "-again";
    try {
      assertThat(DynamoDbTableSchema.createIfMissing(client, name)).isTrue();
      var again = new DynamoDbMetadataTable(client, name, clock);
      again.putIfAbsent(Item.builder("USER#1", "PROFILE").set("name", "kept").build());

      assertThat(DynamoDbTableSchema.createIfMissing(client, name)).isFalse();
      assertThat(DynamoDbTableSchema.createIfMissing(client, name)).isFalse();
      assertThat(again.get(ItemKey.of("USER#1", "PROFILE"))).isPresent();
    } finally {
      client.deleteTable(b -> b.tableName(name));
    }
  }

  @Test
  void
      the_table_has_the_designed_keys_sparse_indexes_projecting_everything_and_on_demand_billing() {
    TableDescription described = client.describeTable(b -> b.tableName(tableName)).table();

    assertThat(described.keySchema())
        .extracting(KeySchemaElement::attributeName)
        .containsExactly("PK", "SK");
    assertThat(described.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(described.globalSecondaryIndexes())
        .extracting(
            GlobalSecondaryIndexDescription::indexName,
            i -> i.keySchema().stream().map(KeySchemaElement::attributeName).toList(),
            i -> i.projection().projectionType())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "ReAuthStatus", List.of("GSI1PK", "GSI1SK"), ProjectionType.ALL),
            org.assertj.core.groups.Tuple.tuple(
                "Schedule", List.of("GSI2PK", "GSI2SK"), ProjectionType.ALL));
    assertThat(DynamoDbTableSchema.timeToLiveRequest(tableName).timeToLiveSpecification())
        .satisfies(
            ttl -> {
              assertThat(ttl.enabled()).isTrue();
              assertThat(ttl.attributeName()).isEqualTo("expiresAt");
            });
  }

  @Test
  void an_item_is_stored_under_the_designed_attribute_names_with_numbers_in_exact_string_form() {
    Instant expiry = Instant.parse("2026-01-31T00:00:00Z");
    table.putIfAbsent(
        Item.builder("USER#1", "CONFIG#1")
            .set(
                "exact",
                AttributeValue.of(new BigDecimal("12345678901234567890.123456789012345678")))
            .expiresAt(expiry)
            .indexKey(SecondaryIndex.SCHEDULE, IndexKey.of("DUE", "2026-01-01T01:00"))
            .build());

    var stored =
        client
            .getItem(
                b -> b.tableName(tableName).key(ItemMapping.key(ItemKey.of("USER#1", "CONFIG#1"))))
            .item();

    assertThat(stored.get("PK").s()).isEqualTo("USER#1");
    assertThat(stored.get("SK").s()).isEqualTo("CONFIG#1");
    assertThat(stored.get("version").n()).isEqualTo("1");
    assertThat(stored.get("expiresAt").n()).isEqualTo(Long.toString(expiry.getEpochSecond()));
    assertThat(stored.get("GSI2PK").s()).isEqualTo("DUE");
    assertThat(IndexSortKey.decode(stored.get("GSI2SK").s()))
        .containsExactly("2026-01-01T01:00", "USER#1", "CONFIG#1");
    assertThat(stored).doesNotContainKeys("GSI1PK", "GSI1SK");
    assertThat(stored.get("exact").n()).isEqualTo("12345678901234567890.123456789012345678");
  }

  @Test
  void an_index_key_that_does_not_fit_dynamodbs_sort_key_limit_with_the_table_key_is_refused() {
    Item item =
        Item.builder("USER#1", "CONFIG#1")
            .indexKey(SecondaryIndex.SCHEDULE, IndexKey.of("DUE", "x".repeat(1020)))
            .build();

    assertThatThrownBy(() -> table.putIfAbsent(item))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1024");
    assertThat(table.get(item.key())).isEmpty();
  }

  // ---------------------------------------------------------------- page tokens

  @Test
  void a_page_token_with_any_one_bit_flipped_is_refused() {
    for (String sk : List.of("JOB#1", "JOB#2", "JOB#3")) {
      table.putIfAbsent(Item.builder("USER#1", sk).build());
    }
    Query query = Query.partition("USER#1").sortKeyPrefix("JOB#").limit(1);
    String token = table.query(query).nextPageToken().orElseThrow();
    byte[] bytes = Base64.getUrlDecoder().decode(token);

    for (int bit = 0; bit < bytes.length * 8; bit++) {
      byte[] flipped = bytes.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(flipped);
      assertThatThrownBy(() -> table.query(query.after(tampered)))
          .as("bit %d", bit)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("token");
    }
    assertThat(table.query(query.after(token)).items())
        .extracting(i -> i.key().sortKey())
        .containsExactly("JOB#2");
  }

  @Test
  void a_well_formed_token_for_the_query_whose_position_lies_outside_its_prefix_is_refused() {
    Query table1 = Query.partition("USER#1").sortKeyPrefix("JOB#").limit(1);
    Query index1 = Query.index(SecondaryIndex.SCHEDULE, "DUE").limit(1);

    for (var forged :
        List.of(
            new Object[] {table1, List.of("CONN#1")},
            new Object[] {table1, List.of("JOB#1", "USER#2", "CONN#1")},
            new Object[] {index1, List.of("T1")},
            new Object[] {index1, List.of("T1", "", "CONFIG#1")})) {
      Query query = (Query) forged[0];
      @SuppressWarnings("unchecked")
      String token = PageToken.encode(query, (List<String>) forged[1]);
      assertThatThrownBy(() -> table.query(query.after(token)))
          .as("%s", forged[1])
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("position");
    }
  }

  // ---------------------------------------------------------------- expired items and paging

  @Test
  void a_page_over_many_expired_items_comes_back_short_with_a_token_and_paging_still_ends() {
    for (int i = 0; i < 45; i++) {
      table.putIfAbsent(
          Item.builder("USER#1", "IDEM#%02d".formatted(i))
              .expiresAt(clock.instant().plusSeconds(60))
              .indexKey(SecondaryIndex.SCHEDULE, IndexKey.of("DUE", "T#%02d".formatted(i)))
              .build());
    }
    Item live =
        Item.builder("USER#1", "IDEM#99")
            .indexKey(SecondaryIndex.SCHEDULE, IndexKey.of("DUE", "T#99"))
            .build();
    table.putIfAbsent(live);
    clock.advance(Duration.ofMinutes(1));

    for (Query query :
        List.of(
            Query.partition("USER#1").sortKeyPrefix("IDEM#").limit(1),
            Query.index(SecondaryIndex.SCHEDULE, "DUE").sortKeyPrefix("T#").limit(1))) {
      List<Page> pages = allPages(query);

      assertThat(pages.getFirst().items()).as("%s", query).isEmpty();
      assertThat(pages.getFirst().nextPageToken()).as("%s", query).isPresent();
      assertThat(pages.stream().flatMap(p -> p.items().stream()))
          .as("%s", query)
          .containsExactly(new StoredItem(live, 1));
    }
  }

  @Test
  void a_query_finding_exactly_limit_items_has_no_token() {
    for (String sk : List.of("A", "B", "C")) {
      table.putIfAbsent(Item.builder("USER#1", sk).build());
    }

    Page page = table.query(Query.partition("USER#1").limit(3));

    assertThat(page.items()).hasSize(3);
    assertThat(page.nextPageToken()).isEmpty();
  }

  // ---------------------------------------------------------------- failures

  @Test
  void an_engine_that_stopped_answering_is_a_storage_failure() {
    DynaliteServer own = DynaliteServer.start();
    try (DynamoDbClient ownClient = DynamoDbClients.forLocalEndpoint(own.endpoint())) {
      DynamoDbTableSchema.createIfMissing(ownClient, "SyncWellMetadata");
      var stopping = new DynamoDbMetadataTable(ownClient, "SyncWellMetadata", clock);
      Item item = Item.builder("USER#1", "PROFILE").build();
      assertThat(stopping.putIfAbsent(item)).isEqualTo(new Written(1));

      own.close();
      assertThat(own.isRunning()).isFalse();

      assertThatThrownBy(() -> stopping.get(item.key())).isInstanceOf(StorageFailure.class);
      assertThatThrownBy(() -> stopping.putIfAbsent(item)).isInstanceOf(StorageFailure.class);
      assertThatThrownBy(() -> stopping.batchPut(List.of(item))).isInstanceOf(StorageFailure.class);
    } finally {
      own.close();
    }
  }

  @Test
  void an_unreachable_endpoint_is_a_storage_failure_also_when_creating_the_table()
      throws IOException {
    URI nowhere;
    try (ServerSocket probe = new ServerSocket(0)) {
      nowhere = URI.create("http://127.0.0.1:" + probe.getLocalPort());
    }
    try (DynamoDbClient unreachable = DynamoDbClients.forLocalEndpoint(nowhere)) {
      var offline = new DynamoDbMetadataTable(unreachable, "SyncWellMetadata", clock);

      assertThatThrownBy(() -> DynamoDbTableSchema.createIfMissing(unreachable, "SyncWellMetadata"))
          .isInstanceOf(StorageFailure.class);
      assertThatThrownBy(() -> offline.get(ItemKey.of("USER#1", "PROFILE")))
          .isInstanceOf(StorageFailure.class)
          .hasMessageContaining("GetItem");
    }
  }

  @Test
  void a_missing_table_is_a_storage_failure() {
    var missing = new DynamoDbMetadataTable(client, "NoSuchTable", clock);

    assertThatThrownBy(() -> missing.get(ItemKey.of("USER#1", "PROFILE")))
        .isInstanceOf(StorageFailure.class);
  }

  private List<Page> allPages(Query query) {
    List<Page> pages = new ArrayList<>();
    Query next = query;
    while (pages.size() < 1000) {
      Page page = table.query(next);
      pages.add(page);
      if (page.nextPageToken().isEmpty()) {
        return pages;
      }
      next = query.after(page.nextPageToken().get());
    }
    throw new AssertionError("paging did not end");
  }
}
