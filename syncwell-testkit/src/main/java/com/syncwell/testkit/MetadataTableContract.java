package com.syncwell.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.syncwell.engine.port.table.AlreadyExists;
import com.syncwell.engine.port.table.AttributeValue;
import com.syncwell.engine.port.table.Deleted;
import com.syncwell.engine.port.table.IndexKey;
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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MetadataTable} adapter must show, written against the port only. An
 * adapter's test extends this class and implements {@link #newTable}, which is called before every
 * test with a fresh, empty table and a clock starting at 2026-01-01T00:00:00Z that only the test
 * moves ({@link #advance}). Release what {@code newTable} opened in an {@code @AfterEach} of the
 * subclass.
 *
 * <p>Every expiry in this suite is on a whole second.
 */
public abstract class MetadataTableContract {
  private static final Duration AWAIT = Duration.ofSeconds(30);
  private static final Comparator<String> UTF8_ORDER =
      (a, b) -> Arrays.compareUnsigned(a.getBytes(UTF_8), b.getBytes(UTF_8));

  private MutableClock clock;
  private MetadataTable table;

  /** A new, empty table whose notion of now is {@code clock}. */
  protected abstract MetadataTable newTable(MutableClock clock);

  /** Moves the table's time forward. */
  protected void advance(Duration d) {
    clock.advance(d);
  }

  /**
   * Whether {@link MetadataTable#sweepExpired} deletes expired items; false for engines that delete
   * them themselves (DynamoDB TTL), whose sweep tests are then skipped.
   */
  protected boolean sweepsExpiredItemsOnRequest() {
    return true;
  }

  @BeforeEach
  void createTable() {
    clock = MutableClock.startingAtNewYear();
    table = newTable(clock);
  }

  // ---------------------------------------------------------------- get and putIfAbsent

  @Test
  void get_finds_nothing_under_a_key_never_written() {
    assertThat(table.get(ItemKey.of("USER#1", "PROFILE"))).isEmpty();
  }

  @Test
  void put_if_absent_writes_the_whole_item_at_version_one() {
    Item item =
        Item.builder("USER#1", "CONN#1")
            .set("provider", "fitbit")
            .set("calls", 3)
            .set("active", true)
            .expiresAt(now().plus(Duration.ofDays(30)))
            .indexKey(SecondaryIndex.RE_AUTH_STATUS, IndexKey.of("REAUTH", "2026-01-01#USER#1"))
            .build();

    assertThat(table.putIfAbsent(item)).isEqualTo(new Written(1));
    assertThat(table.get(item.key())).contains(new StoredItem(item, 1));
  }

  @Test
  void put_if_absent_refuses_a_second_item_with_the_same_key() {
    Item first = Item.builder("USER#1", "PROFILE").set("name", "first").build();
    Item second = Item.builder("USER#1", "PROFILE").set("name", "second").build();
    table.putIfAbsent(first);

    assertThat(table.putIfAbsent(second)).isEqualTo(new AlreadyExists());
    assertThat(table.get(first.key())).contains(new StoredItem(first, 1));
  }

  @Test
  void items_are_told_apart_by_partition_key_and_sort_key_together() {
    Item a = Item.builder("USER#1", "CONFIG#1").set("id", "a").build();
    Item b = Item.builder("USER#2", "CONFIG#1").set("id", "b").build();
    Item c = Item.builder("USER#1", "CONFIG#2").set("id", "c").build();

    assertThat(List.of(table.putIfAbsent(a), table.putIfAbsent(b), table.putIfAbsent(c)))
        .containsOnly(new Written(1));
    assertThat(table.get(a.key())).contains(new StoredItem(a, 1));
    assertThat(table.get(b.key())).contains(new StoredItem(b, 1));
    assertThat(table.get(c.key())).contains(new StoredItem(c, 1));
  }

  // ---------------------------------------------------------------- attribute types

  @Test
  void strings_round_trip_exactly_including_unicode_and_emoji() {
    Item item =
        Item.builder("USER#é", "PROFILE#😀")
            .set("plain", "hello")
            .set("accents", "Zoë – café — naïve, e\u0301 decomposed")
            .set("cjk", "健康データ 동기화")
            .set("emoji", "🏃‍♀️💓🔥 👩🏽‍💻")
            .set("json", "{\"S\":\"not a value\"} \\ / \t\n\r \u2028 \u007f")
            .set("long", "x".repeat(10_000) + "😀")
            .set("naïve名前", "unicode attribute name")
            .build();
    table.putIfAbsent(item);

    StoredItem stored = table.get(item.key()).orElseThrow();

    assertThat(stored.item()).isEqualTo(item);
    assertThat(stored.item().attribute("emoji")).contains(AttributeValue.of("🏃‍♀️💓🔥 👩🏽‍💻"));
  }

  @Test
  void numbers_round_trip_exactly_including_big_negative_and_fractional_values() {
    Map<String, BigDecimal> numbers = new LinkedHashMap<>();
    numbers.put("zero", BigDecimal.ZERO);
    numbers.put("minusOne", BigDecimal.valueOf(-1));
    numbers.put("longMax", BigDecimal.valueOf(Long.MAX_VALUE));
    numbers.put("longMin", BigDecimal.valueOf(Long.MIN_VALUE));
    numbers.put("beyondLong", new BigDecimal("123456789012345678901234567890"));
    numbers.put("thirtyEightDigits", new BigDecimal("12345678901234567890.123456789012345678"));
    numbers.put("tinyNegative", new BigDecimal("-0.000000000000000000000000000000000001"));
    numbers.put("huge", new BigDecimal("9.9999999999999999999999999999999999999E+125"));
    numbers.put("tenth", new BigDecimal("0.1"));
    numbers.put("steps", new BigDecimal("-12.5"));
    Item.Builder b = Item.builder("USER#1", "NUMBERS");
    numbers.forEach((name, value) -> b.set(name, AttributeValue.of(value)));
    table.putIfAbsent(b.build());

    Item stored = table.get(ItemKey.of("USER#1", "NUMBERS")).orElseThrow().item();

    numbers.forEach(
        (name, value) -> {
          var read = (AttributeValue.NumberValue) stored.attribute(name).orElseThrow();
          assertThat(read.value()).as(name).isEqualByComparingTo(value);
        });
    assertThat(((AttributeValue.NumberValue) stored.attribute("longMin").orElseThrow()).longValue())
        .isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void binary_values_round_trip_byte_for_byte() {
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    Item item =
        Item.builder("USER#1", "CONN#1")
            .set("token", AttributeValue.of(everyByte))
            .set("zero", AttributeValue.of(new byte[] {0}))
            .build();
    table.putIfAbsent(item);

    Item stored = table.get(item.key()).orElseThrow().item();

    assertThat(((AttributeValue.BinaryValue) stored.attribute("token").orElseThrow()).value())
        .containsExactly(everyByte);
    assertThat(((AttributeValue.BinaryValue) stored.attribute("zero").orElseThrow()).value())
        .containsExactly(0);
  }

  @Test
  void booleans_and_nested_lists_and_maps_round_trip_exactly() {
    AttributeValue nested =
        AttributeValue.of(
            Map.of(
                "steps",
                AttributeValue.of(
                    List.of(
                        AttributeValue.of(3),
                        AttributeValue.of("three"),
                        AttributeValue.of(false),
                        AttributeValue.of(new byte[] {1, 2, 3}),
                        AttributeValue.of(List.of(AttributeValue.of(List.of()))))),
                "inner",
                AttributeValue.of(
                    Map.of(
                        "deeper",
                        AttributeValue.of(Map.of("value", AttributeValue.of("🌲"))),
                        "empty",
                        AttributeValue.of(Map.of())))));
    Item item =
        Item.builder("USER#1", "CONFIG#1")
            .set("yes", true)
            .set("no", false)
            .set("nested", nested)
            .set(
                "ordered",
                AttributeValue.of(
                    List.of(
                        AttributeValue.of("b"), AttributeValue.of("a"), AttributeValue.of("c"))))
            .set("emptyList", AttributeValue.of(List.of()))
            .build();
    table.putIfAbsent(item);

    Item stored = table.get(item.key()).orElseThrow().item();

    assertThat(stored).isEqualTo(item);
    assertThat(stored.attribute("yes")).contains(AttributeValue.of(true));
    assertThat(stored.attribute("no")).contains(AttributeValue.of(false));
    assertThat(((AttributeValue.ListValue) stored.attribute("ordered").orElseThrow()).values())
        .containsExactly(AttributeValue.of("b"), AttributeValue.of("a"), AttributeValue.of("c"));
  }

  // ---------------------------------------------------------------- versions

  @Test
  void put_if_version_replaces_the_whole_item_and_increments_the_version() {
    Item original =
        Item.builder("USER#1", "CONN#1")
            .set("a", "old")
            .set("b", "old")
            .expiresAt(now().plus(Duration.ofDays(1)))
            .indexKey(SecondaryIndex.RE_AUTH_STATUS, IndexKey.of("REAUTH", "USER#1"))
            .build();
    Item replacement =
        Item.builder("USER#1", "CONN#1")
            .set("b", "new")
            .set("c", "new")
            .indexKey(SecondaryIndex.SCHEDULE, IndexKey.of("DUE", "2026-01-02T00:00"))
            .build();
    table.putIfAbsent(original);

    assertThat(table.putIfVersion(replacement, 1)).isEqualTo(new Written(2));
    assertThat(table.get(original.key())).contains(new StoredItem(replacement, 2));
    assertThat(table.query(Query.index(SecondaryIndex.RE_AUTH_STATUS, "REAUTH")).items()).isEmpty();
    assertThat(keysOf(table.query(Query.index(SecondaryIndex.SCHEDULE, "DUE"))))
        .containsExactly(original.key());
  }

  @Test
  void put_if_version_with_a_stale_or_future_version_is_a_conflict_and_changes_nothing() {
    Item v1 = Item.builder("USER#1", "PROFILE").set("name", "v1").build();
    Item v2 = Item.builder("USER#1", "PROFILE").set("name", "v2").build();
    Item late = Item.builder("USER#1", "PROFILE").set("name", "late").build();
    table.putIfAbsent(v1);
    table.putIfVersion(v2, 1);

    assertThat(table.putIfVersion(late, 1)).isEqualTo(new VersionConflict());
    assertThat(table.putIfVersion(late, 3)).isEqualTo(new VersionConflict());
    assertThat(table.get(v1.key())).contains(new StoredItem(v2, 2));
  }

  @Test
  void put_if_version_does_not_create_an_absent_item() {
    Item item = Item.builder("USER#1", "PROFILE").set("name", "x").build();

    assertThat(table.putIfVersion(item, 1)).isEqualTo(new VersionConflict());
    assertThat(table.get(item.key())).isEmpty();
  }

  @Test
  void update_if_version_sets_and_removes_attributes_leaving_the_others_untouched() {
    Instant expiry = now().plus(Duration.ofDays(30));
    Item original =
        Item.builder("USER#1", "JOB#1")
            .set("status", "RUNNING")
            .set("progress", 10)
            .set("note", "to remove")
            .set("owner", "worker-1")
            .expiresAt(expiry)
            .indexKey(SecondaryIndex.SCHEDULE, IndexKey.of("DUE", "2026-01-01T01:00"))
            .build();
    table.putIfAbsent(original);

    UpdateOutcome outcome =
        table.updateIfVersion(
            original.key(),
            1,
            ItemUpdate.builder()
                .set("status", "SUCCEEDED")
                .set("progress", 100)
                .set("report", AttributeValue.of(Map.of("moved", AttributeValue.of(42))))
                .remove("note")
                .remove("neverThere")
                .build());

    assertThat(outcome).isEqualTo(new Written(2));
    Item expected =
        Item.builder("USER#1", "JOB#1")
            .set("status", "SUCCEEDED")
            .set("progress", 100)
            .set("owner", "worker-1")
            .set("report", AttributeValue.of(Map.of("moved", AttributeValue.of(42))))
            .expiresAt(expiry)
            .indexKey(SecondaryIndex.SCHEDULE, IndexKey.of("DUE", "2026-01-01T01:00"))
            .build();
    assertThat(table.get(original.key())).contains(new StoredItem(expected, 2));
  }

  @Test
  void update_if_version_with_a_stale_version_is_a_conflict_and_changes_nothing() {
    Item item = Item.builder("USER#1", "JOB#1").set("status", "RUNNING").build();
    table.putIfAbsent(item);
    table.updateIfVersion(item.key(), 1, ItemUpdate.builder().set("progress", 5).build());

    UpdateOutcome stale =
        table.updateIfVersion(item.key(), 1, ItemUpdate.builder().set("status", "LOST").build());
    UpdateOutcome future =
        table.updateIfVersion(item.key(), 7, ItemUpdate.builder().set("status", "LOST").build());

    assertThat(stale).isEqualTo(new VersionConflict());
    assertThat(future).isEqualTo(new VersionConflict());
    assertThat(table.get(item.key()))
        .contains(new StoredItem(item.toBuilder().set("progress", 5).build(), 2));
  }

  @Test
  void update_if_version_does_not_create_an_absent_item() {
    ItemKey key = ItemKey.of("USER#1", "JOB#1");

    assertThat(table.updateIfVersion(key, 1, ItemUpdate.builder().set("status", "x").build()))
        .isEqualTo(new VersionConflict());
    assertThat(table.get(key)).isEmpty();
  }

  @Test
  void update_if_version_can_set_move_keep_and_clear_the_expiry() {
    Item item = Item.builder("USER#1", "IDEM#k").set("hash", "h").build();
    table.putIfAbsent(item);
    Instant soon = now().plus(Duration.ofHours(1));
    Instant later = now().plus(Duration.ofHours(24));

    table.updateIfVersion(item.key(), 1, ItemUpdate.builder().expiresAt(soon).build());
    assertThat(expiryOf(item.key())).contains(soon);
    table.updateIfVersion(item.key(), 2, ItemUpdate.builder().set("hash", "h2").build());
    assertThat(expiryOf(item.key())).contains(soon);
    table.updateIfVersion(item.key(), 3, ItemUpdate.builder().expiresAt(later).build());
    assertThat(expiryOf(item.key())).contains(later);
    table.updateIfVersion(item.key(), 4, ItemUpdate.builder().clearExpiry().build());
    assertThat(expiryOf(item.key())).isEmpty();

    advance(Duration.ofDays(2));
    assertThat(table.get(item.key()).map(StoredItem::version)).contains(5L);
  }

  @Test
  void update_if_version_can_add_change_and_remove_index_keys() {
    Item item = Item.builder("USER#1", "CONFIG#1").set("name", "steps").build();
    table.putIfAbsent(item);
    Query due = Query.index(SecondaryIndex.SCHEDULE, "DUE");

    table.updateIfVersion(
        item.key(),
        1,
        ItemUpdate.builder()
            .indexKey(SecondaryIndex.SCHEDULE, IndexKey.of("DUE", "2026-01-01T01:00"))
            .build());
    assertThat(indexSortKeys(table.query(due), SecondaryIndex.SCHEDULE))
        .containsExactly("2026-01-01T01:00");

    table.updateIfVersion(
        item.key(),
        2,
        ItemUpdate.builder()
            .indexKey(SecondaryIndex.SCHEDULE, IndexKey.of("DUE", "2026-01-01T02:00"))
            .build());
    assertThat(indexSortKeys(table.query(due), SecondaryIndex.SCHEDULE))
        .containsExactly("2026-01-01T02:00");

    table.updateIfVersion(
        item.key(), 3, ItemUpdate.builder().removeIndexKey(SecondaryIndex.SCHEDULE).build());
    assertThat(table.query(due).items()).isEmpty();
    assertThat(table.get(item.key())).contains(new StoredItem(item, 4));
  }

  @Test
  void every_successful_write_increments_the_version_by_one_and_a_failed_one_does_not() {
    Item item = Item.builder("USER#1", "CURSOR#c#steps").set("cursor", "0").build();
    ItemKey key = item.key();

    assertThat(table.putIfAbsent(item)).isEqualTo(new Written(1));
    assertThat(table.updateIfVersion(key, 1, ItemUpdate.builder().set("cursor", "1").build()))
        .isEqualTo(new Written(2));
    assertThat(table.putIfVersion(item.toBuilder().set("cursor", "2").build(), 2))
        .isEqualTo(new Written(3));
    assertThat(table.updateIfVersion(key, 2, ItemUpdate.builder().set("cursor", "x").build()))
        .isEqualTo(new VersionConflict());
    assertThat(table.updateIfVersion(key, 3, ItemUpdate.builder().set("cursor", "3").build()))
        .isEqualTo(new Written(4));

    assertThat(table.get(key).orElseThrow().version()).isEqualTo(4);
    assertThat(table.get(key).orElseThrow().item().attribute("cursor"))
        .contains(AttributeValue.of("3"));
  }

  @Test
  void version_checked_writes_refuse_an_expected_version_below_one() {
    Item item = Item.builder("USER#1", "PROFILE").set("name", "x").build();
    table.putIfAbsent(item);
    ItemUpdate update = ItemUpdate.builder().set("name", "y").build();

    assertThatThrownBy(() -> table.putIfVersion(item, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> table.updateIfVersion(item.key(), -1, update))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> table.deleteIfVersion(item.key(), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(table.get(item.key())).contains(new StoredItem(item, 1));
  }

  @Test
  void an_update_that_would_grow_the_item_beyond_400_KiB_is_rejected_and_changes_nothing() {
    Item item = Item.builder("USER#1", "EXPORT#1").set("a", "x".repeat(300 * 1024)).build();
    table.putIfAbsent(item);

    assertThatThrownBy(
            () ->
                table.updateIfVersion(
                    item.key(), 1, ItemUpdate.builder().set("b", "y".repeat(150 * 1024)).build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(table.get(item.key())).contains(new StoredItem(item, 1));
  }

  // ---------------------------------------------------------------- deleteIfVersion

  @Test
  void delete_if_version_deletes_the_item_at_that_version() {
    Item item =
        Item.builder("USER#1", "CONN#1")
            .set("x", 1)
            .indexKey(SecondaryIndex.RE_AUTH_STATUS, IndexKey.of("REAUTH", "USER#1"))
            .build();
    table.putIfAbsent(item);
    table.updateIfVersion(item.key(), 1, ItemUpdate.builder().set("x", 2).build());

    assertThat(table.deleteIfVersion(item.key(), 2)).isEqualTo(new Deleted());
    assertThat(table.get(item.key())).isEmpty();
    assertThat(table.query(Query.partition("USER#1")).items()).isEmpty();
    assertThat(table.query(Query.index(SecondaryIndex.RE_AUTH_STATUS, "REAUTH")).items()).isEmpty();
  }

  @Test
  void delete_if_version_with_another_version_is_a_conflict_and_keeps_the_item() {
    Item item = Item.builder("USER#1", "CONN#1").set("x", 1).build();
    table.putIfAbsent(item);
    table.updateIfVersion(item.key(), 1, ItemUpdate.builder().set("x", 2).build());

    assertThat(table.deleteIfVersion(item.key(), 1)).isEqualTo(new VersionConflict());
    assertThat(table.deleteIfVersion(item.key(), 3)).isEqualTo(new VersionConflict());
    assertThat(table.get(item.key()).map(StoredItem::version)).contains(2L);
  }

  @Test
  void delete_if_version_of_an_absent_item_is_a_conflict() {
    assertThat(table.deleteIfVersion(ItemKey.of("USER#1", "CONN#1"), 1))
        .isEqualTo(new VersionConflict());
  }

  @Test
  void a_deleted_key_can_be_written_again_and_starts_at_version_one() {
    Item first = Item.builder("USER#1", "CONN#1").set("gen", 1).build();
    Item second = Item.builder("USER#1", "CONN#1").set("gen", 2).build();
    table.putIfAbsent(first);
    table.putIfVersion(first, 1);
    table.deleteIfVersion(first.key(), 2);

    assertThat(table.putIfAbsent(second)).isEqualTo(new Written(1));
    assertThat(table.get(second.key())).contains(new StoredItem(second, 1));
  }

  // ---------------------------------------------------------------- table queries

  @Test
  void query_returns_exactly_the_items_whose_sort_key_starts_with_the_prefix() {
    putAll(
        "USER#1", "JOB#1", "JOB#10", "JOB#12", "JOB#2", "JOB#", "JOB", "JOA#1", "JOC#1", "CONN#1");

    assertThat(sortKeys(table.query(Query.partition("USER#1").sortKeyPrefix("JOB#1"))))
        .containsExactly("JOB#1", "JOB#10", "JOB#12");
    assertThat(sortKeys(table.query(Query.partition("USER#1").sortKeyPrefix("JOB#10"))))
        .containsExactly("JOB#10");
    assertThat(sortKeys(table.query(Query.partition("USER#1").sortKeyPrefix("JOB#"))))
        .containsExactly("JOB#", "JOB#1", "JOB#10", "JOB#12", "JOB#2");
    assertThat(sortKeys(table.query(Query.partition("USER#1").sortKeyPrefix("JOB#3")))).isEmpty();
    assertThat(sortKeys(table.query(Query.partition("USER#1"))))
        .containsExactly(
            "CONN#1", "JOA#1", "JOB", "JOB#", "JOB#1", "JOB#10", "JOB#12", "JOB#2", "JOC#1");
  }

  @Test
  void percent_underscore_and_backslash_in_a_prefix_match_only_themselves() {
    putAll("USER#1", "A%1", "A%%", "AB1", "A_1", "AX1", "A\\1", "A\\_", "B%1");

    assertThat(sortKeys(table.query(Query.partition("USER#1").sortKeyPrefix("A%"))))
        .containsExactly("A%%", "A%1");
    assertThat(sortKeys(table.query(Query.partition("USER#1").sortKeyPrefix("A_"))))
        .containsExactly("A_1");
    assertThat(sortKeys(table.query(Query.partition("USER#1").sortKeyPrefix("A\\"))))
        .containsExactly("A\\1", "A\\_");
    assertThat(sortKeys(table.query(Query.partition("USER#1").sortKeyPrefix("%")))).isEmpty();
  }

  @Test
  void a_non_ascii_prefix_matches_exactly() {
    putAll(
        "USER#1",
        "é#1",
        "é",
        "é😀",
        "e#1",
        "e\u0301#1",
        "😀",
        "😀#1",
        "😁#1",
        "日#1",
        "日本#1",
        "日本語#1",
        "\uFF21#1");

    assertThat(sortKeys(table.query(Query.partition("USER#1").sortKeyPrefix("é"))))
        .containsExactly("é", "é#1", "é😀");
    assertThat(sortKeys(table.query(Query.partition("USER#1").sortKeyPrefix("😀"))))
        .containsExactly("😀", "😀#1");
    assertThat(sortKeys(table.query(Query.partition("USER#1").sortKeyPrefix("日本"))))
        .containsExactly("日本#1", "日本語#1");
    assertThat(sortKeys(table.query(Query.partition("USER#1").sortKeyPrefix("\uFF21"))))
        .containsExactly("\uFF21#1");
  }

  @Test
  void sort_keys_are_ordered_by_their_utf8_bytes() {
    List<String> keys = List.of("😀", "a", "\uFF21", "Z", "日", "é", "aa", "A");
    putAll("USER#1", keys.toArray(String[]::new));
    List<String> byUtf8 = keys.stream().sorted(UTF8_ORDER).toList();

    assertThat(byUtf8).containsExactly("A", "Z", "a", "aa", "é", "日", "\uFF21", "😀");
    assertThat(sortKeys(table.query(Query.partition("USER#1")))).isEqualTo(byUtf8);
    assertThat(sortKeys(table.query(Query.partition("USER#1").descending())))
        .isEqualTo(byUtf8.reversed());
  }

  @Test
  void query_returns_items_ascending_or_descending_by_sort_key() {
    putAll("USER#1", "C", "A", "D", "B");

    Page ascending = table.query(Query.partition("USER#1"));
    Page descending = table.query(Query.partition("USER#1").descending());

    assertThat(sortKeys(ascending)).containsExactly("A", "B", "C", "D");
    assertThat(sortKeys(descending)).containsExactly("D", "C", "B", "A");
    assertThat(ascending.items().getFirst())
        .isEqualTo(table.get(ItemKey.of("USER#1", "A")).orElseThrow());
  }

  @Test
  void query_returns_at_most_limit_items_and_a_token_to_continue() {
    putAll("USER#1", "A", "B", "C", "D", "E");

    Page first = table.query(Query.partition("USER#1").limit(2));

    assertThat(sortKeys(first)).containsExactly("A", "B");
    assertThat(first.nextPageToken()).isPresent();
    Page second =
        table.query(Query.partition("USER#1").limit(2).after(first.nextPageToken().get()));
    assertThat(sortKeys(second)).containsExactly("C", "D");
  }

  @Test
  void paging_returns_every_item_exactly_once_in_order_in_both_directions() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 237; i++) {
      String sk = "ITEM#%04d".formatted(i);
      expected.add(sk);
      table.putIfAbsent(Item.builder("USER#1", sk).set("i", i).build());
    }
    putAll("USER#1", "ITEL#1", "ITEM", "ITEN#1");
    putAll("USER#2", "ITEM#0001", "ITEM#0500");
    Query query = Query.partition("USER#1").sortKeyPrefix("ITEM#").limit(10);

    List<Page> ascending = allPages(query);
    List<Page> descending = allPages(query.descending());

    assertThat(ascending).hasSizeGreaterThanOrEqualTo(24);
    assertThat(ascending.stream().flatMap(p -> sortKeys(p).stream()).toList()).isEqualTo(expected);
    assertThat(descending).hasSizeGreaterThanOrEqualTo(24);
    assertThat(descending.stream().flatMap(p -> sortKeys(p).stream()).toList())
        .isEqualTo(expected.reversed());
  }

  @Test
  void a_page_token_is_refused_by_a_different_query() {
    putAll("USER#1", "JOB#1", "JOB#2", "JOB#3", "JOB#4");
    putAll("USER#2", "JOB#1", "JOB#2", "JOB#3", "JOB#4");
    Query query = Query.partition("USER#1").sortKeyPrefix("JOB#").limit(2);
    String token = table.query(query).nextPageToken().orElseThrow();

    List<Query> others =
        List.of(
            Query.partition("USER#2").sortKeyPrefix("JOB#").limit(2),
            Query.partition("USER#1").sortKeyPrefix("JOB").limit(2),
            Query.partition("USER#1").limit(2),
            query.descending(),
            Query.index(SecondaryIndex.SCHEDULE, "USER#1").sortKeyPrefix("JOB#").limit(2));
    for (Query other : others) {
      assertThatThrownBy(() -> table.query(other.after(token)))
          .as("%s", other)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("token");
    }
    assertThat(sortKeys(table.query(query.after(token)))).containsExactly("JOB#3", "JOB#4");
  }

  @Test
  void a_garbage_page_token_is_refused() {
    putAll("USER#1", "A", "B", "C");
    String valid = table.query(Query.partition("USER#1").limit(1)).nextPageToken().orElseThrow();
    List<String> garbage =
        List.of(
            "garbage",
            "",
            "!!!not base64!!!",
            Base64.getUrlEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8)),
            Base64.getEncoder().encodeToString("[1,2,3]".getBytes(StandardCharsets.UTF_8)),
            valid.substring(0, valid.length() / 2),
            new StringBuilder(valid).reverse().toString());

    for (String token : garbage) {
      assertThatThrownBy(() -> table.query(Query.partition("USER#1").limit(1).after(token)))
          .as("token '%s'", token)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("token");
    }
  }

  @Test
  void a_query_finding_fewer_items_than_the_limit_has_no_page_token() {
    putAll("USER#1", "A", "B", "C", "D", "E");

    Page page = table.query(Query.partition("USER#1").limit(10));

    assertThat(page.items()).hasSize(5);
    assertThat(page.nextPageToken()).isEmpty();
  }

  @Test
  void a_query_of_an_empty_partition_gives_an_empty_page_without_token() {
    putAll("USER#1", "A");

    Page page = table.query(Query.partition("USER#2"));

    assertThat(page.items()).isEmpty();
    assertThat(page.nextPageToken()).isEmpty();
  }

  @Test
  void a_query_never_returns_items_of_another_partition() {
    putAll("USER#1", "A", "B");
    putAll("USER#10", "A", "C");
    putAll("USER#1#x", "A");
    putAll("user#1", "A");
    putAll("USER#", "A");

    List<StoredItem> items = allItems(Query.partition("USER#1").limit(1));

    assertThat(items.stream().map(StoredItem::key).toList())
        .containsExactly(ItemKey.of("USER#1", "A"), ItemKey.of("USER#1", "B"));
  }

  // ---------------------------------------------------------------- secondary indexes

  @Test
  void an_index_holds_only_the_items_that_carry_a_key_for_it() {
    Item flagged =
        Item.builder("USER#1", "CONN#1")
            .set("status", "NEEDS_REAUTH")
            .indexKey(SecondaryIndex.RE_AUTH_STATUS, IndexKey.of("REAUTH", "USER#1#CONN#1"))
            .build();
    Item plain = Item.builder("USER#1", "CONN#2").set("status", "OK").build();
    Item scheduled =
        Item.builder("USER#1", "CONFIG#1")
            .indexKey(SecondaryIndex.SCHEDULE, IndexKey.of("REAUTH", "USER#1#CONFIG#1"))
            .build();
    Item otherPartition =
        Item.builder("USER#2", "CONN#1")
            .indexKey(SecondaryIndex.RE_AUTH_STATUS, IndexKey.of("REAUTH#2", "USER#2#CONN#1"))
            .build();
    for (Item item : List.of(flagged, plain, scheduled, otherPartition)) {
      table.putIfAbsent(item);
    }

    Page reAuth = table.query(Query.index(SecondaryIndex.RE_AUTH_STATUS, "REAUTH"));

    assertThat(reAuth.items()).containsExactly(new StoredItem(flagged, 1));
    assertThat(reAuth.nextPageToken()).isEmpty();
    assertThat(keysOf(table.query(Query.index(SecondaryIndex.SCHEDULE, "REAUTH"))))
        .containsExactly(scheduled.key());
    assertThat(table.query(Query.index(SecondaryIndex.RE_AUTH_STATUS, "USER#1")).items()).isEmpty();
  }

  @Test
  void an_index_query_orders_by_index_sort_key_then_by_table_key_in_both_directions() {
    indexed("USER#2", "CONFIG#1", "T1");
    indexed("USER#1", "CONFIG#9", "T1");
    indexed("USER#1", "CONFIG#2", "T3");
    indexed("USER#3", "CONFIG#1", "T2");
    indexed("USER#1", "CONFIG#3", "T1");
    List<ItemKey> expected =
        List.of(
            ItemKey.of("USER#1", "CONFIG#3"),
            ItemKey.of("USER#1", "CONFIG#9"),
            ItemKey.of("USER#2", "CONFIG#1"),
            ItemKey.of("USER#3", "CONFIG#1"),
            ItemKey.of("USER#1", "CONFIG#2"));

    Query query = Query.index(SecondaryIndex.SCHEDULE, "DUE");

    assertThat(keysOf(table.query(query))).isEqualTo(expected);
    assertThat(keysOf(table.query(query.descending()))).isEqualTo(expected.reversed());
  }

  @Test
  void an_index_query_matches_the_index_sort_key_prefix_exactly() {
    indexed("USER#1", "CONFIG#1", "2026-01-01T1");
    indexed("USER#1", "CONFIG#2", "2026-01-01T10");
    indexed("USER#1", "CONFIG#3", "2026-01-01T2");
    indexed("USER#1", "CONFIG#4", "2026-01-01_1");
    indexed("USER#1", "CONFIG#5", "2026-01-01%1");

    Query query = Query.index(SecondaryIndex.SCHEDULE, "DUE");

    assertThat(
            indexSortKeys(
                table.query(query.sortKeyPrefix("2026-01-01T1")), SecondaryIndex.SCHEDULE))
        .containsExactly("2026-01-01T1", "2026-01-01T10");
    assertThat(
            indexSortKeys(
                table.query(query.sortKeyPrefix("2026-01-01T10")), SecondaryIndex.SCHEDULE))
        .containsExactly("2026-01-01T10");
    assertThat(
            indexSortKeys(table.query(query.sortKeyPrefix("2026-01-01_")), SecondaryIndex.SCHEDULE))
        .containsExactly("2026-01-01_1");
    assertThat(
            indexSortKeys(table.query(query.sortKeyPrefix("2026-01-01%")), SecondaryIndex.SCHEDULE))
        .containsExactly("2026-01-01%1");
    assertThat(table.query(query.sortKeyPrefix("CONFIG")).items()).isEmpty();
  }

  @Test
  void an_index_query_pages_through_every_item_exactly_once_in_order() {
    List<ItemKey> expected = new ArrayList<>();
    for (int i = 0; i < 53; i++) {
      indexed("USER#%02d".formatted(i % 5), "CONFIG#%02d".formatted(i), "DUE#" + (i % 7));
    }
    for (int due = 0; due < 7; due++) {
      for (int user = 0; user < 5; user++) {
        for (int i = 0; i < 53; i++) {
          if (i % 7 == due && i % 5 == user) {
            expected.add(ItemKey.of("USER#%02d".formatted(user), "CONFIG#%02d".formatted(i)));
          }
        }
      }
    }
    Query query = Query.index(SecondaryIndex.SCHEDULE, "DUE").sortKeyPrefix("DUE#").limit(4);

    List<Page> ascending = allPages(query);
    List<Page> descending = allPages(query.descending());

    assertThat(ascending).hasSizeGreaterThanOrEqualTo(14);
    assertThat(ascending.stream().flatMap(p -> keysOf(p).stream()).toList()).isEqualTo(expected);
    assertThat(descending.stream().flatMap(p -> keysOf(p).stream()).toList())
        .isEqualTo(expected.reversed());
  }

  @Test
  void deleting_an_item_or_replacing_it_without_its_index_key_takes_it_out_of_the_index() {
    indexed("USER#1", "CONFIG#1", "T1");
    indexed("USER#1", "CONFIG#2", "T2");
    indexed("USER#1", "CONFIG#3", "T3");
    Query query = Query.index(SecondaryIndex.SCHEDULE, "DUE");

    table.deleteIfVersion(ItemKey.of("USER#1", "CONFIG#1"), 1);
    table.putIfVersion(Item.builder("USER#1", "CONFIG#2").set("paused", true).build(), 1);

    assertThat(keysOf(table.query(query))).containsExactly(ItemKey.of("USER#1", "CONFIG#3"));
    assertThat(table.get(ItemKey.of("USER#1", "CONFIG#2"))).isPresent();
  }

  // ---------------------------------------------------------------- expiry

  @Test
  void an_expired_item_is_invisible_to_get() {
    Item item =
        Item.builder("USER#1", "IDEM#k").expiresAt(now().plus(Duration.ofHours(24))).build();
    table.putIfAbsent(item);

    advance(Duration.ofHours(25));

    assertThat(table.get(item.key())).isEmpty();
  }

  @Test
  void an_item_is_live_before_its_expiry_and_expired_exactly_at_it() {
    Item item = Item.builder("USER#1", "IDEM#k").expiresAt(now().plusSeconds(10)).build();
    table.putIfAbsent(item);

    advance(Duration.ofSeconds(9));
    assertThat(table.get(item.key())).contains(new StoredItem(item, 1));

    advance(Duration.ofSeconds(1));
    assertThat(table.get(item.key())).isEmpty();
    assertThat(table.query(Query.partition("USER#1")).items()).isEmpty();
  }

  @Test
  void expired_items_are_invisible_to_table_queries() {
    for (int i = 0; i < 6; i++) {
      Item.Builder b = Item.builder("USER#1", "JOB#" + i);
      if (i % 2 == 0) {
        b.expiresAt(now().plus(Duration.ofDays(1)));
      } else {
        b.expiresAt(now().plus(Duration.ofDays(30)));
      }
      table.putIfAbsent(b.build());
    }

    advance(Duration.ofDays(2));

    assertThat(sortKeys(table.query(Query.partition("USER#1"))))
        .containsExactly("JOB#1", "JOB#3", "JOB#5");
    assertThat(allItems(Query.partition("USER#1").descending().limit(1)))
        .extracting(i -> i.key().sortKey())
        .containsExactly("JOB#5", "JOB#3", "JOB#1");
  }

  @Test
  void expired_items_are_invisible_to_index_queries() {
    table.putIfAbsent(
        Item.builder("USER#1", "CONN#1")
            .expiresAt(now().plus(Duration.ofHours(1)))
            .indexKey(SecondaryIndex.RE_AUTH_STATUS, IndexKey.of("REAUTH", "A"))
            .build());
    table.putIfAbsent(
        Item.builder("USER#1", "CONN#2")
            .indexKey(SecondaryIndex.RE_AUTH_STATUS, IndexKey.of("REAUTH", "B"))
            .build());

    advance(Duration.ofHours(1));

    assertThat(keysOf(table.query(Query.index(SecondaryIndex.RE_AUTH_STATUS, "REAUTH"))))
        .containsExactly(ItemKey.of("USER#1", "CONN#2"));
  }

  @Test
  void put_if_absent_replaces_an_expired_item_starting_again_at_version_one() {
    Item old =
        Item.builder("USER#1", "IDEM#k")
            .set("old", "leftover")
            .expiresAt(now().plus(Duration.ofHours(1)))
            .indexKey(SecondaryIndex.RE_AUTH_STATUS, IndexKey.of("REAUTH", "old"))
            .build();
    table.putIfAbsent(old);
    table.updateIfVersion(old.key(), 1, ItemUpdate.builder().set("n", 1).build());
    advance(Duration.ofHours(2));
    Item fresh = Item.builder("USER#1", "IDEM#k").set("new", "value").build();

    assertThat(table.putIfAbsent(fresh)).isEqualTo(new Written(1));
    assertThat(table.get(fresh.key())).contains(new StoredItem(fresh, 1));
    assertThat(table.query(Query.index(SecondaryIndex.RE_AUTH_STATUS, "REAUTH")).items()).isEmpty();
  }

  @Test
  void version_checked_writes_on_an_expired_item_are_conflicts() {
    Item item = Item.builder("USER#1", "JOB#1").expiresAt(now().plus(Duration.ofDays(30))).build();
    table.putIfAbsent(item);
    advance(Duration.ofDays(30));

    assertThat(table.putIfVersion(item.toBuilder().noExpiry().build(), 1))
        .isEqualTo(new VersionConflict());
    assertThat(table.updateIfVersion(item.key(), 1, ItemUpdate.builder().clearExpiry().build()))
        .isEqualTo(new VersionConflict());
    assertThat(table.deleteIfVersion(item.key(), 1)).isEqualTo(new VersionConflict());
    assertThat(table.get(item.key())).isEmpty();
  }

  @Test
  void sweep_deletes_expired_items_and_only_them() {
    assumeTrue(sweepsExpiredItemsOnRequest(), "engine deletes expired items itself");
    for (int i = 0; i < 3; i++) {
      table.putIfAbsent(
          Item.builder("USER#" + i, "IDEM#" + i)
              .expiresAt(now().plus(Duration.ofHours(1)))
              .build());
    }
    Item later = Item.builder("USER#1", "JOB#1").expiresAt(now().plus(Duration.ofDays(1))).build();
    Item never = Item.builder("USER#1", "PROFILE").set("name", "x").build();
    table.putIfAbsent(later);
    table.putIfAbsent(never);
    advance(Duration.ofHours(1));

    assertThat(table.sweepExpired(100)).isEqualTo(3);
    assertThat(table.sweepExpired(100)).isZero();
    assertThat(table.get(later.key())).contains(new StoredItem(later, 1));
    assertThat(table.get(never.key())).contains(new StoredItem(never, 1));
  }

  @Test
  void sweep_deletes_at_most_max_items_per_call() {
    assumeTrue(sweepsExpiredItemsOnRequest(), "engine deletes expired items itself");
    for (int i = 0; i < 5; i++) {
      table.putIfAbsent(
          Item.builder("USER#1", "IDEM#" + i)
              .expiresAt(now().plus(Duration.ofMinutes(i + 1)))
              .build());
    }
    advance(Duration.ofHours(1));

    assertThat(table.sweepExpired(2)).isEqualTo(2);
    assertThat(table.sweepExpired(2)).isEqualTo(2);
    assertThat(table.sweepExpired(2)).isEqualTo(1);
    assertThat(table.sweepExpired(2)).isZero();
  }

  // ---------------------------------------------------------------- batches

  @Test
  void batch_put_writes_25_items_at_version_one() {
    List<Item> items =
        IntStream.range(0, 25)
            .mapToObj(
                i ->
                    Item.builder("USER#1", "LEDGER#c#%02d".formatted(i))
                        .set("dest", "d" + i)
                        .build())
            .toList();

    table.batchPut(items);

    for (Item item : items) {
      assertThat(table.get(item.key())).contains(new StoredItem(item, 1));
    }
    assertThat(table.query(Query.partition("USER#1")).items()).hasSize(25);
  }

  @Test
  void batch_put_replaces_existing_items_and_restarts_their_version_at_one() {
    Item old =
        Item.builder("USER#1", "LEDGER#1")
            .set("old", true)
            .indexKey(SecondaryIndex.SCHEDULE, IndexKey.of("DUE", "T1"))
            .build();
    table.putIfAbsent(old);
    table.updateIfVersion(old.key(), 1, ItemUpdate.builder().set("n", 2).build());
    Item replacement = Item.builder("USER#1", "LEDGER#1").set("new", true).build();
    Item added = Item.builder("USER#1", "LEDGER#2").set("new", true).build();

    table.batchPut(List.of(replacement, added));

    assertThat(table.get(old.key())).contains(new StoredItem(replacement, 1));
    assertThat(table.get(added.key())).contains(new StoredItem(added, 1));
    assertThat(table.query(Query.index(SecondaryIndex.SCHEDULE, "DUE")).items()).isEmpty();
  }

  @Test
  void batch_delete_deletes_25_items_and_ignores_absent_keys() {
    List<ItemKey> keys = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Item item = Item.builder("USER#1", "LEDGER#%02d".formatted(i)).build();
      table.putIfAbsent(item);
      keys.add(item.key());
    }
    for (int i = 0; i < 5; i++) {
      keys.add(ItemKey.of("USER#1", "ABSENT#" + i));
    }
    table.putIfAbsent(Item.builder("USER#1", "PROFILE").build());

    table.batchDelete(keys);

    assertThat(sortKeys(table.query(Query.partition("USER#1")))).containsExactly("PROFILE");
  }

  @Test
  void a_batch_of_26_is_rejected_and_changes_nothing() {
    List<Item> items =
        IntStream.range(0, 26)
            .mapToObj(i -> Item.builder("USER#1", "LEDGER#%02d".formatted(i)).build())
            .toList();
    table.batchPut(items.subList(0, 25));

    assertThatThrownBy(
            () ->
                table.batchPut(
                    items.stream().map(i -> i.toBuilder().set("changed", true).build()).toList()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> table.batchDelete(items.stream().map(Item::key).toList()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(allItems(Query.partition("USER#1")))
        .extracting(StoredItem::item)
        .isEqualTo(items.subList(0, 25));
  }

  @Test
  void an_empty_batch_is_rejected() {
    assertThatThrownBy(() -> table.batchPut(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> table.batchDelete(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_batch_naming_a_key_twice_is_rejected_naming_the_key_and_changes_nothing() {
    Item a = Item.builder("USER#1", "LEDGER#1").set("n", 1).build();
    Item b = Item.builder("USER#1", "LEDGER#DUP").set("n", 1).build();
    Item bAgain = Item.builder("USER#1", "LEDGER#DUP").set("n", 2).build();

    assertThatThrownBy(() -> table.batchPut(List.of(a, b, bAgain)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LEDGER#DUP");
    assertThat(table.get(a.key())).isEmpty();
    table.putIfAbsent(a);
    assertThatThrownBy(() -> table.batchDelete(List.of(a.key(), b.key(), a.key())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LEDGER#1");
    assertThat(table.get(a.key())).isPresent();
  }

  @Test
  void batch_get_returns_the_live_items_by_key_across_partitions_and_skips_the_others() {
    Item profile = Item.builder("USER#1", "PROFILE").set("tier", "PRO").build();
    Item config = Item.builder("USER#1", "CONFIG#c1").set("type", "workout").build();
    Item otherUser = Item.builder("USER#2", "CONN#k").set("provider", "strava").build();
    Item expired =
        Item.builder("USER#1", "IDEM#old").expiresAt(now().plus(Duration.ofMinutes(1))).build();
    Item indexed =
        Item.builder("USER#1", "CONN#k1")
            .set("status", "NEEDS_REAUTH")
            .indexKey(SecondaryIndex.RE_AUTH_STATUS, IndexKey.of("REAUTH", "2026#1"))
            .build();
    for (Item item : List.of(profile, config, otherUser, expired, indexed)) {
      table.putIfAbsent(item);
    }
    table.updateIfVersion(config.key(), 1, ItemUpdate.builder().set("enabled", "yes").build());
    advance(Duration.ofMinutes(1));
    ItemKey absent = ItemKey.of("USER#1", "CONFIG#none");

    Map<ItemKey, StoredItem> found =
        table.batchGet(
            List.of(
                profile.key(),
                absent,
                config.key(),
                expired.key(),
                otherUser.key(),
                indexed.key()));

    assertThat(found)
        .containsOnlyKeys(profile.key(), config.key(), otherUser.key(), indexed.key())
        .containsEntry(profile.key(), new StoredItem(profile, 1))
        .containsEntry(otherUser.key(), new StoredItem(otherUser, 1))
        .containsEntry(indexed.key(), new StoredItem(indexed, 1));
    assertThat(found.get(config.key())).isEqualTo(table.get(config.key()).orElseThrow());
    assertThat(found.get(config.key()).version()).isEqualTo(2);
  }

  @Test
  void batch_get_of_25_keys_finds_all_25_and_of_absent_keys_finds_nothing() {
    List<Item> items =
        IntStream.range(0, 25)
            .mapToObj(i -> Item.builder("USER#1", "LEDGER#c#%02d".formatted(i)).set("n", i).build())
            .toList();
    table.batchPut(items);

    Map<ItemKey, StoredItem> found = table.batchGet(items.stream().map(Item::key).toList());

    assertThat(found).hasSize(25);
    items.forEach(i -> assertThat(found).containsEntry(i.key(), new StoredItem(i, 1)));
    assertThat(table.batchGet(List.of(ItemKey.of("USER#9", "PROFILE")))).isEmpty();
  }

  @Test
  void batch_get_rejects_an_empty_an_oversized_or_a_repeating_batch() {
    List<ItemKey> keys =
        IntStream.range(0, 26).mapToObj(i -> ItemKey.of("USER#1", "LEDGER#" + i)).toList();

    assertThatThrownBy(() -> table.batchGet(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> table.batchGet(keys)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> table.batchGet(List.of(keys.get(0), keys.get(1), keys.get(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LEDGER#0");
  }

  // ---------------------------------------------------------------- bad arguments

  @Test
  void a_query_limit_outside_1_to_1000_is_rejected() {
    putAll("USER#1", "A", "B");

    assertThatThrownBy(() -> table.query(Query.partition("USER#1").limit(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> table.query(Query.partition("USER#1").limit(1001)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(table.query(Query.partition("USER#1").limit(1)).items()).hasSize(1);
    assertThat(table.query(Query.partition("USER#1").limit(1000)).items()).hasSize(2);
  }

  @Test
  void empty_keys_are_rejected() {
    assertThatThrownBy(() -> table.get(ItemKey.of("", "PROFILE")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> table.putIfAbsent(Item.builder("USER#1", "").build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> table.query(Query.partition("")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                table.putIfAbsent(
                    Item.builder("USER#1", "CONN#1")
                        .indexKey(SecondaryIndex.RE_AUTH_STATUS, IndexKey.of("REAUTH", ""))
                        .build()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keys_are_accepted_up_to_their_byte_limits_and_rejected_beyond() {
    String partition2048Bytes = "é".repeat(1024);
    String sort1024Bytes = "😀".repeat(256);
    Item largest = Item.builder(partition2048Bytes, sort1024Bytes).set("ok", true).build();

    assertThat(table.putIfAbsent(largest)).isEqualTo(new Written(1));
    assertThat(table.get(largest.key())).contains(new StoredItem(largest, 1));
    assertThat(keysOf(table.query(Query.partition(partition2048Bytes))))
        .containsExactly(largest.key());
    assertThatThrownBy(() -> table.get(ItemKey.of(partition2048Bytes + "x", "A")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> table.get(ItemKey.of("USER#1", sort1024Bytes + "x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reserved_attribute_names_are_rejected() {
    for (String name : Item.RESERVED_NAMES) {
      assertThatThrownBy(
              () -> table.putIfAbsent(Item.builder("USER#1", "PROFILE").set(name, "x").build()))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(name);
      assertThatThrownBy(() -> ItemUpdate.builder().set(name, "x").build())
          .as(name)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(table.get(ItemKey.of("USER#1", "PROFILE"))).isEmpty();
  }

  @Test
  void an_item_larger_than_400_KiB_is_rejected_and_one_just_below_is_stored() {
    assertThatThrownBy(
            () ->
                table.putIfAbsent(
                    Item.builder("USER#1", "EXPORT#1").set("a", "x".repeat(400 * 1024)).build()))
        .isInstanceOf(IllegalArgumentException.class);

    Item large = Item.builder("USER#1", "EXPORT#1").set("a", "x".repeat(399 * 1024)).build();
    assertThat(table.putIfAbsent(large)).isEqualTo(new Written(1));
    assertThat(table.get(large.key())).contains(new StoredItem(large, 1));
  }

  // ---------------------------------------------------------------- concurrency

  @Test
  void two_threads_racing_put_if_absent_on_one_key_write_it_exactly_once() throws Exception {
    for (int round = 0; round < 20; round++) {
      ItemKey key = ItemKey.of("USER#1", "IDEM#" + round);
      List<Item> candidates =
          List.of(
              Item.builder(key).set("writer", "t0").build(),
              Item.builder(key).set("writer", "t1").build());

      List<PutOutcome> outcomes = race(2, t -> () -> table.putIfAbsent(candidates.get(t)));

      assertThat(outcomes).containsExactlyInAnyOrder(new Written(1), new AlreadyExists());
      Item winner = candidates.get(outcomes.indexOf(new Written(1)));
      assertThat(table.get(key)).contains(new StoredItem(winner, 1));
    }
  }

  @Test
  void threads_racing_update_if_version_from_the_same_version_succeed_exactly_once()
      throws Exception {
    int threads = 8;
    Item item = Item.builder("USER#1", "JOB#1").set("owner", "nobody").build();
    table.putIfAbsent(item);

    List<UpdateOutcome> outcomes =
        race(
            threads,
            t ->
                () ->
                    table.updateIfVersion(
                        item.key(), 1, ItemUpdate.builder().set("owner", "worker-" + t).build()));

    assertThat(outcomes.stream().filter(o -> o instanceof Written).toList())
        .containsExactly(new Written(2));
    assertThat(outcomes.stream().filter(o -> o instanceof VersionConflict).count())
        .isEqualTo(threads - 1);
    StoredItem stored = table.get(item.key()).orElseThrow();
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.item().attribute("owner"))
        .contains(AttributeValue.of("worker-" + outcomes.indexOf(new Written(2))));
  }

  @Test
  void concurrent_read_modify_write_increments_with_retry_lose_no_update() throws Exception {
    int threads = 4;
    int incrementsEach = 50;
    ItemKey key = ItemKey.of("USER#1", "COUNTER");
    table.putIfAbsent(Item.builder(key).set("count", 0).build());

    List<Integer> conflicts =
        race(
            threads,
            t ->
                () -> {
                  int conflictsSeen = 0;
                  for (int done = 0; done < incrementsEach; ) {
                    StoredItem current = table.get(key).orElseThrow();
                    long count =
                        ((AttributeValue.NumberValue)
                                current.item().attribute("count").orElseThrow())
                            .longValue();
                    UpdateOutcome outcome =
                        table.updateIfVersion(
                            key,
                            current.version(),
                            ItemUpdate.builder().set("count", count + 1).build());
                    if (outcome instanceof Written) {
                      done++;
                    } else if (++conflictsSeen > 100_000) {
                      throw new AssertionError("no progress after 100,000 conflicts");
                    }
                  }
                  return conflictsSeen;
                });

    StoredItem stored = table.get(key).orElseThrow();
    assertThat(stored.item().attribute("count"))
        .contains(AttributeValue.of((long) threads * incrementsEach));
    assertThat(stored.version()).isEqualTo(1L + threads * incrementsEach);
    assertThat(conflicts).hasSize(threads);
  }

  // ---------------------------------------------------------------- helpers

  private Instant now() {
    return clock.instant();
  }

  private void putAll(String partitionKey, String... sortKeys) {
    for (String sk : sortKeys) {
      assertThat(table.putIfAbsent(Item.builder(partitionKey, sk).set("sk", sk).build()))
          .as("put %s/%s", partitionKey, sk)
          .isEqualTo(new Written(1));
    }
  }

  /** Puts an item with a key for the SCHEDULE index in index partition "DUE". */
  private void indexed(String partitionKey, String sortKey, String dueSortKey) {
    table.putIfAbsent(
        Item.builder(partitionKey, sortKey)
            .set("due", dueSortKey)
            .indexKey(SecondaryIndex.SCHEDULE, IndexKey.of("DUE", dueSortKey))
            .build());
  }

  private Optional<Instant> expiryOf(ItemKey key) {
    return table.get(key).orElseThrow().item().expiresAt();
  }

  /** Every page of {@code query}, following page tokens; pages are never larger than the limit. */
  private List<Page> allPages(Query query) {
    List<Page> pages = new ArrayList<>();
    Query next = query;
    while (pages.size() < 10_000) {
      Page page = table.query(next);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(query.limit());
      pages.add(page);
      if (page.nextPageToken().isEmpty()) {
        return pages;
      }
      next = query.after(page.nextPageToken().get());
    }
    throw new AssertionError("the query did not end after 10,000 pages");
  }

  private List<StoredItem> allItems(Query query) {
    return allPages(query).stream().flatMap(p -> p.items().stream()).toList();
  }

  private static List<String> sortKeys(Page page) {
    return page.items().stream().map(i -> i.key().sortKey()).toList();
  }

  private static List<ItemKey> keysOf(Page page) {
    return page.items().stream().map(StoredItem::key).toList();
  }

  private static List<String> indexSortKeys(Page page, SecondaryIndex index) {
    return page.items().stream().map(i -> i.item().indexKeys().get(index).sortKey()).toList();
  }

  /**
   * Runs {@code task(t)} for {@code t} in 0..threads-1 on their own threads, released together by a
   * start gate; returns the results in thread order. Every wait is bounded.
   */
  private static <T> List<T> race(int threads, IntFunction<Callable<T>> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<T> work = task.apply(t);
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  if (!start.await(AWAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("start gate never opened");
                  }
                  return work.call();
                }));
      }
      assertThat(ready.await(AWAIT.toMillis(), TimeUnit.MILLISECONDS))
          .as("all threads ready")
          .isTrue();
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(AWAIT.toMillis(), TimeUnit.MILLISECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(AWAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
