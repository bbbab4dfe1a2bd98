package com.syncwell.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.MetadataTable;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserPartitionTest {
  @TempDir Path dir;
  private StoreFixture fx;
  private UserPartition partition;

  @BeforeEach
  void open() {
    fx = new StoreFixture(dir);
    partition = new UserPartition(fx.table);
    new ProfileStore(fx.table, fx.clock).getOrCreate("user-1");
    for (int i = 0; i < 60; i++) {
      fx.table.putIfAbsent(Item.builder("USER#user-1", "LEDGER#cfg#" + i).build());
    }
    fx.table.putIfAbsent(Item.builder("USER#user-1", "IDEM#k").build());
    fx.table.putIfAbsent(Item.builder("USER#user-1", "NEWKIND#1").build());
    fx.table.putIfAbsent(Item.builder("USER#user-2", "LEDGER#cfg#1").build());
  }

  @AfterEach
  void close() {
    fx.close();
  }

  private List<ItemKey> allKeys(String user) {
    List<ItemKey> keys = new ArrayList<>();
    Optional<String> token = Optional.empty();
    do {
      ResultPage<ItemKey> page = partition.keys(user, 25, token);
      keys.addAll(page.items());
      token = page.nextPageToken();
    } while (token.isPresent());
    return keys;
  }

  @Test
  void keys_page_through_the_users_partition_without_the_profile() {
    List<ItemKey> keys = allKeys("user-1");

    assertThat(keys).hasSize(62).allMatch(k -> k.partitionKey().equals("USER#user-1"));
    assertThat(keys).noneMatch(k -> k.sortKey().equals("PROFILE"));
  }

  @Test
  void counts_are_by_kind_and_unknown_kinds_are_other() {
    assertThat(partition.countByKind("user-1"))
        .containsEntry("profile", 1L)
        .containsEntry("ledgerEntry", 60L)
        .containsEntry("idempotencyRecord", 1L)
        .containsEntry("other", 1L)
        .hasSize(4);
  }

  @Test
  void deleting_more_than_one_batch_removes_them_all_and_nothing_else() {
    partition.delete("user-1", allKeys("user-1"));

    assertThat(allKeys("user-1")).isEmpty();
    assertThat(fx.table.get(ItemKey.of("USER#user-1", "PROFILE"))).isPresent();
    assertThat(fx.table.get(ItemKey.of("USER#user-2", "LEDGER#cfg#1"))).isPresent();
  }

  @Test
  void another_partitions_key_or_the_profile_is_refused_before_anything_is_deleted() {
    List<ItemKey> mixed = new ArrayList<>(allKeys("user-1"));
    mixed.add(ItemKey.of("USER#user-2", "LEDGER#cfg#1"));

    assertThatThrownBy(() -> partition.delete("user-1", mixed))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> partition.delete("user-1", List.of(ItemKey.of("USER#user-1", "PROFILE"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(allKeys("user-1")).hasSize(62);
  }

  @Test
  void a_failing_batch_is_retried_a_bounded_number_of_times() {
    AtomicInteger calls = new AtomicInteger();
    MetadataTable failing =
        (MetadataTable)
            Proxy.newProxyInstance(
                MetadataTable.class.getClassLoader(),
                new Class<?>[] {MetadataTable.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("batchDelete")) {
                    if (calls.incrementAndGet() < UserPartition.DELETE_ATTEMPTS) {
                      throw new StorageFailure("unavailable", null);
                    }
                  }
                  return method.invoke(fx.table, args);
                });
    new UserPartition(failing).delete("user-1", allKeys("user-1").subList(0, 10));
    assertThat(calls.get()).isEqualTo(UserPartition.DELETE_ATTEMPTS);
    assertThat(allKeys("user-1")).hasSize(52);

    AtomicInteger always = new AtomicInteger();
    MetadataTable down =
        (MetadataTable)
            Proxy.newProxyInstance(
                MetadataTable.class.getClassLoader(),
                new Class<?>[] {MetadataTable.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("batchDelete")) {
                    always.incrementAndGet();
                    throw new StorageFailure("unavailable", null);
                  }
                  return method.invoke(fx.table, args);
                });
    assertThatThrownBy(() -> new UserPartition(down).delete("user-1", allKeys("user-1")))
        .isInstanceOf(StorageFailure.class);
    assertThat(always.get()).isEqualTo(UserPartition.DELETE_ATTEMPTS);
  }
}
