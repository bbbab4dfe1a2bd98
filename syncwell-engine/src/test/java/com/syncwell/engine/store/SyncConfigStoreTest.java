package com.syncwell.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import com.syncwell.engine.port.table.Deleted;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.SecondaryIndex;
import com.syncwell.engine.port.table.VersionConflict;
import com.syncwell.engine.port.table.Written;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncConfigStoreTest {
  @TempDir Path dir;
  private StoreFixture fx;
  private SyncConfigStore configs;

  @BeforeEach
  void open() {
    fx = new StoreFixture(dir);
    configs = new SyncConfigStore(fx.table, fx.clock);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  private SyncConfigSpec spec(Optional<Instant> due) {
    return new SyncConfigSpec(
        "conn_src",
        "conn_dst",
        DataType.WORKOUT,
        ConflictStrategy.SOURCE_WINS,
        true,
        Optional.of("PRO"),
        due);
  }

  @Test
  void a_created_config_reads_back_with_its_id_and_version_one() {
    SyncConfig created = configs.create("u1", spec(Optional.empty()));

    assertThat(created.configId()).startsWith("cfg_");
    assertThat(created.version()).isEqualTo(1);
    assertThat(configs.get("u1", created.configId())).contains(created);
    assertThat(fx.table.get(ItemKey.of("USER#u1", "CONFIG#" + created.configId()))).isPresent();
  }

  @Test
  void a_config_and_its_owners_profile_are_read_together_and_each_may_be_missing() {
    SyncConfig created = configs.create("u1", spec(Optional.empty()));
    ProfileStore profiles = new ProfileStore(fx.table, fx.clock);

    assertThat(configs.getWithProfile("u1", created.configId()))
        .isEqualTo(new ConfigAndProfile(Optional.of(created), Optional.empty()));
    Profile profile = profiles.getOrCreate("u1");
    assertThat(configs.getWithProfile("u1", created.configId()))
        .isEqualTo(new ConfigAndProfile(Optional.of(created), Optional.of(profile)));
    assertThat(configs.getWithProfile("u1", "cfg_missing"))
        .isEqualTo(new ConfigAndProfile(Optional.empty(), Optional.of(profile)));
    assertThat(configs.getWithProfile("u2", created.configId()))
        .isEqualTo(new ConfigAndProfile(Optional.empty(), Optional.empty()));
  }

  @Test
  void another_users_config_is_not_found() {
    SyncConfig created = configs.create("u1", spec(Optional.empty()));

    assertThat(configs.get("u2", created.configId())).isEmpty();
  }

  @Test
  void list_by_user_returns_that_users_configs_only() {
    SyncConfig a = configs.create("u1", spec(Optional.empty()));
    fx.clock.advance(Duration.ofMillis(1));
    SyncConfig b = configs.create("u1", spec(Optional.empty()));
    configs.create("u2", spec(Optional.empty()));

    assertThat(configs.listByUser("u1")).containsExactly(a, b);
  }

  @Test
  void update_with_the_current_version_replaces_the_spec() {
    SyncConfig created = configs.create("u1", spec(Optional.empty()));
    SyncConfigSpec changed =
        new SyncConfigSpec(
            "conn_src",
            "conn_dst",
            DataType.WORKOUT,
            ConflictStrategy.NEWEST_WINS,
            false,
            Optional.empty(),
            Optional.empty());
    fx.clock.advance(Duration.ofSeconds(3));

    var outcome = configs.updateIfVersion("u1", created.configId(), changed, created.version());

    assertThat(outcome).isEqualTo(new Written(2));
    SyncConfig read = configs.get("u1", created.configId()).orElseThrow();
    assertThat(read.spec()).isEqualTo(changed);
    assertThat(read.createdAt()).isEqualTo(created.createdAt());
    assertThat(read.updatedAt()).isEqualTo(fx.clock.instant());
  }

  @Test
  void update_with_a_stale_etag_is_a_version_conflict() {
    SyncConfig created = configs.create("u1", spec(Optional.empty()));
    configs.updateIfVersion("u1", created.configId(), spec(Optional.empty()).withEnabled(false), 1);

    var outcome = configs.updateIfVersion("u1", created.configId(), spec(Optional.empty()), 1);

    assertThat(outcome).isInstanceOf(VersionConflict.class);
    assertThat(configs.get("u1", created.configId()).orElseThrow().spec().enabled()).isFalse();
  }

  @Test
  void update_of_a_missing_config_is_a_version_conflict() {
    assertThat(configs.updateIfVersion("u1", "cfg_nope", spec(Optional.empty()), 1))
        .isInstanceOf(VersionConflict.class);
  }

  @Test
  void delete_needs_the_current_version() {
    SyncConfig created = configs.create("u1", spec(Optional.empty()));

    assertThat(configs.delete("u1", created.configId(), 7)).isInstanceOf(VersionConflict.class);
    assertThat(configs.delete("u1", created.configId(), 1)).isInstanceOf(Deleted.class);
    assertThat(configs.get("u1", created.configId())).isEmpty();
  }

  @Test
  void due_configs_come_from_the_schedule_index_earliest_first_and_stop_at_now() {
    Instant now = fx.clock.instant();
    List<SyncConfig> made = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      made.add(configs.create("u" + (i % 3), spec(Optional.of(now.plusSeconds(i - 30)))));
    }

    List<SyncConfig> due = new ArrayList<>();
    for (int bucket = 0; bucket < SyncConfigStore.SCHEDULE_BUCKETS; bucket++) {
      int b = bucket;
      List<SyncConfig> inBucket = configs.dueConfigs(bucket, now, 100);
      assertThat(inBucket)
          .allMatch(c -> SyncConfigStore.bucketOf(c.configId()) == b)
          .isSortedAccordingTo(
              (x, y) -> x.spec().nextDueAt().orElseThrow().compareTo(y.spec().nextDueAt().get()));
      due.addAll(inBucket);
    }

    assertThat(due)
        .extracting(SyncConfig::configId)
        .containsExactlyInAnyOrderElementsOf(
            made.stream()
                .filter(c -> !c.spec().nextDueAt().orElseThrow().isAfter(now))
                .map(SyncConfig::configId)
                .toList());
    assertThat(due).hasSize(31);
  }

  @Test
  void due_configs_honour_the_limit() {
    Instant now = fx.clock.instant();
    for (int i = 0; i < 40; i++) {
      configs.create("u1", spec(Optional.of(now.minusSeconds(i))));
    }
    int bucket = SyncConfigStore.bucketOf(configs.listByUser("u1").getFirst().configId());

    assertThat(configs.dueConfigs(bucket, now, 1)).hasSize(1);
  }

  @Test
  void disabled_or_unscheduled_configs_are_not_in_the_schedule_index() {
    Instant past = fx.clock.instant().minusSeconds(60);
    SyncConfig disabled = configs.create("u1", spec(Optional.of(past)).withEnabled(false));
    SyncConfig unscheduled = configs.create("u1", spec(Optional.empty()));
    SyncConfig scheduled = configs.create("u1", spec(Optional.of(past)));

    assertThat(fx.table.get(ItemKey.of("USER#u1", "CONFIG#" + disabled.configId())).orElseThrow())
        .satisfies(s -> assertThat(s.item().indexKeys()).isEmpty());
    assertThat(
            fx.table
                .get(ItemKey.of("USER#u1", "CONFIG#" + unscheduled.configId()))
                .orElseThrow()
                .item()
                .indexKeys())
        .isEmpty();
    var key =
        fx.table
            .get(ItemKey.of("USER#u1", "CONFIG#" + scheduled.configId()))
            .orElseThrow()
            .item()
            .indexKeys()
            .get(SecondaryIndex.SCHEDULE);
    assertThat(key.partitionKey()).matches("DUE#\\d\\d");
    assertThat(key.sortKey()).isEqualTo(String.format("%015d", past.toEpochMilli()));
  }

  @Test
  void rescheduling_moves_a_config_out_of_the_due_list() {
    Instant now = fx.clock.instant();
    SyncConfig c = configs.create("u1", spec(Optional.of(now.minusSeconds(1))));
    int bucket = SyncConfigStore.bucketOf(c.configId());
    assertThat(configs.dueConfigs(bucket, now, 10))
        .extracting(SyncConfig::configId)
        .contains(c.configId());

    configs.updateIfVersion(
        "u1", c.configId(), c.spec().withNextDueAt(Optional.of(now.plus(Duration.ofHours(1)))), 1);

    assertThat(configs.dueConfigs(bucket, now, 10))
        .extracting(SyncConfig::configId)
        .doesNotContain(c.configId());
    fx.clock.advance(Duration.ofHours(1));
    assertThat(configs.dueConfigs(bucket, fx.clock.instant(), 10))
        .extracting(SyncConfig::configId)
        .contains(c.configId());
  }

  @Test
  void advancing_the_schedule_at_the_read_version_moves_only_the_due_time() {
    Instant now = fx.clock.instant();
    SyncConfig c = configs.create("u1", spec(Optional.of(now.minusSeconds(1))));
    int bucket = SyncConfigStore.bucketOf(c.configId());
    fx.clock.advance(Duration.ofSeconds(5));
    Instant next = now.plus(Duration.ofMinutes(15));

    var outcome = configs.advanceScheduleIfVersion(c, next);

    assertThat(outcome).isEqualTo(new Written(2));
    SyncConfig read = configs.get("u1", c.configId()).orElseThrow();
    assertThat(read.spec()).isEqualTo(c.spec().withNextDueAt(Optional.of(next)));
    assertThat(read.updatedAt()).isEqualTo(c.updatedAt());
    assertThat(configs.dueConfigs(bucket, fx.clock.instant(), 10)).isEmpty();
    assertThat(configs.dueConfigs(bucket, next, 10))
        .extracting(SyncConfig::configId)
        .containsExactly(c.configId());
  }

  @Test
  void advancing_the_schedule_from_a_stale_read_is_a_version_conflict_and_changes_nothing() {
    Instant due = fx.clock.instant().minusSeconds(1);
    SyncConfig c = configs.create("u1", spec(Optional.of(due)));
    configs.advanceScheduleIfVersion(c, due.plus(Duration.ofMinutes(15)));

    var outcome = configs.advanceScheduleIfVersion(c, due.plus(Duration.ofMinutes(30)));

    assertThat(outcome).isInstanceOf(VersionConflict.class);
    assertThat(configs.get("u1", c.configId()).orElseThrow().spec().nextDueAt())
        .contains(due.plus(Duration.ofMinutes(15)));
  }

  @Test
  void advancing_the_schedule_after_a_user_disabled_the_config_conflicts() {
    Instant due = fx.clock.instant().minusSeconds(1);
    SyncConfig c = configs.create("u1", spec(Optional.of(due)));
    configs.updateIfVersion("u1", c.configId(), c.spec().withEnabled(false), c.version());

    assertThat(configs.advanceScheduleIfVersion(c, due.plus(Duration.ofMinutes(15))))
        .isInstanceOf(VersionConflict.class);
    SyncConfig read = configs.get("u1", c.configId()).orElseThrow();
    assertThat(read.spec().enabled()).isFalse();
    assertThat(
            fx.table
                .get(ItemKey.of("USER#u1", "CONFIG#" + c.configId()))
                .orElseThrow()
                .item()
                .indexKeys())
        .isEmpty();
  }

  @Test
  void the_bucket_of_a_config_id_is_stable() {
    assertThat(SyncConfigStore.bucketOf("cfg_01ABC"))
        .isEqualTo(SyncConfigStore.bucketOf("cfg_01ABC"));
    assertThat(SyncConfigStore.bucketOf("anything"))
        .isBetween(0, SyncConfigStore.SCHEDULE_BUCKETS - 1);
  }
}
