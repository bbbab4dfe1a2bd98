package com.syncwell.engine.store;

import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import com.syncwell.engine.port.table.DeleteOutcome;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Sync configs ({@code USER#{userId}} / {@code CONFIG#{configId}}) and their schedule.
 *
 * <p>An enabled config with a {@code nextDueAt} carries a key in the sparse {@link
 * SecondaryIndex#SCHEDULE} index: partition {@code DUE#<bucket>}, one of {@link #SCHEDULE_BUCKETS}
 * shards chosen by a stable hash of the config id (so the scheduler's reads spread over several
 * index partitions and scheduler processes can split the buckets), sort key the due time as
 * zero-padded epoch milliseconds. A scheduler reads each bucket ascending and stops at the first
 * config not yet due, so overdue configs are never skipped. Disabled or unscheduled configs leave
 * the index.
 */
public final class SyncConfigStore {
  /** Number of schedule index partitions, {@code DUE#00} to {@code DUE#15}. */
  public static final int SCHEDULE_BUCKETS = 16;

  private static final String KIND = "sync config";
  private static final String SORT_PREFIX = "CONFIG#";
  private static final long FIRST_REVISION = 1;

  private final MetadataTable table;
  private final Clock clock;

  public SyncConfigStore(MetadataTable table, Clock clock) {
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Stores a new config for {@code userId} under a new id. */
  public SyncConfig create(String userId, SyncConfigSpec spec) {
    String configId = SortableIds.next("cfg", clock);
    Instant now = clock.instant();
    Item item = item(userId, configId, spec, now, now, FIRST_REVISION);
    PutOutcome put = table.putIfAbsent(item);
    if (!(put instanceof Written written)) {
      throw new IllegalStateException("a fresh config id collided");
    }
    return new SyncConfig(configId, userId, spec, now, now, FIRST_REVISION, written.version());
  }

  /** The config, if it exists. */
  public Optional<SyncConfig> get(String userId, String configId) {
    return table.get(key(userId, configId)).map(SyncConfigStore::read);
  }

  /**
   * The config and the user's profile, read together in one batch of the table (a sync request
   * checks both).
   */
  public ConfigAndProfile getWithProfile(String userId, String configId) {
    ItemKey configKey = key(userId, configId);
    ItemKey profileKey = ProfileStore.key(userId);
    Map<ItemKey, StoredItem> found = table.batchGet(List.of(configKey, profileKey));
    return new ConfigAndProfile(
        Optional.ofNullable(found.get(configKey)).map(SyncConfigStore::read),
        Optional.ofNullable(found.get(profileKey)).map(ProfileStore::read));
  }

  /** All of a user's configs, oldest first. */
  public List<SyncConfig> listByUser(String userId) {
    List<SyncConfig> all = new ArrayList<>();
    Query query = Query.partition(UserKeys.partition(userId)).sortKeyPrefix(SORT_PREFIX);
    while (true) {
      Page page = table.query(query);
      page.items().forEach(i -> all.add(read(i)));
      if (page.nextPageToken().isEmpty()) {
        return all;
      }
      query = query.after(page.nextPageToken().get());
    }
  }

  /**
   * Replaces what the config says if the item is at {@code expectedVersion} (a user's edit: the
   * revision moves on); the schedule index follows {@code spec}. Callers holding an ETag compare it
   * with {@link SyncConfig#revision()} first and pass the {@link SyncConfig#version()} they read.
   */
  public UpdateOutcome updateIfVersion(
      String userId, String configId, SyncConfigSpec spec, long expectedVersion) {
    Optional<StoredItem> current = table.get(key(userId, configId));
    if (current.isEmpty()) {
      return new VersionConflict();
    }
    SyncConfig was = read(current.get());
    return table.putIfVersion(
        item(userId, configId, spec, was.createdAt(), clock.instant(), was.revision() + 1),
        expectedVersion);
  }

  /** Deletes the config if it is at {@code expectedVersion}. */
  public DeleteOutcome delete(String userId, String configId, long expectedVersion) {
    return table.deleteIfVersion(key(userId, configId), expectedVersion);
  }

  /**
   * Moves a due config's next run to {@code nextDueAt} if it is still at the version the caller
   * read: the scheduler's claim of one due slot. Of two schedulers that read the same due config,
   * exactly one gets {@link Written}; the other, and any caller racing a user's edit, gets {@link
   * VersionConflict} and must not enqueue. Only {@code nextDueAt} and the schedule index key change
   * ({@code updatedAt} and the revision stay the user's last edit); the item version moves on, so a
   * user's edit racing the claim re-reads and, its ETag (the revision) still matching, retries.
   *
   * @param read the config as read from the schedule index; must be enabled
   * @param nextDueAt when it is due next, after its current due time
   */
  public UpdateOutcome advanceScheduleIfVersion(SyncConfig read, Instant nextDueAt) {
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(nextDueAt, "nextDueAt");
    if (!read.spec().enabled()) {
      throw new IllegalArgumentException("a disabled config is not scheduled");
    }
    if (read.spec().nextDueAt().map(due -> !nextDueAt.isAfter(due)).orElse(false)) {
      throw new IllegalArgumentException("the next due time must be after the current one");
    }
    ItemUpdate update =
        ItemUpdate.builder()
            .set("nextDueAt", nextDueAt.toString())
            .indexKey(
                SecondaryIndex.SCHEDULE,
                IndexKey.of(
                    bucketPartition(bucketOf(read.configId())), UserKeys.sortableMillis(nextDueAt)))
            .build();
    return table.updateIfVersion(key(read.userId(), read.configId()), read.version(), update);
  }

  /**
   * Up to {@code limit} enabled configs of one schedule bucket due at or before {@code now},
   * earliest due first.
   */
  public List<SyncConfig> dueConfigs(int bucket, Instant now, int limit) {
    if (bucket < 0 || bucket >= SCHEDULE_BUCKETS) {
      throw new IllegalArgumentException("bucket must be 0 to " + (SCHEDULE_BUCKETS - 1));
    }
    String dueBy = UserKeys.sortableMillis(now);
    List<SyncConfig> due = new ArrayList<>();
    Query query =
        Query.index(SecondaryIndex.SCHEDULE, bucketPartition(bucket))
            .limit(Math.min(limit, Query.MAX_LIMIT));
    while (due.size() < limit) {
      Page page = table.query(query);
      for (StoredItem stored : page.items()) {
        String dueAt = stored.item().indexKeys().get(SecondaryIndex.SCHEDULE).sortKey();
        if (dueAt.compareTo(dueBy) > 0 || due.size() == limit) {
          return due;
        }
        due.add(read(stored));
      }
      if (page.nextPageToken().isEmpty()) {
        return due;
      }
      query = query.after(page.nextPageToken().get());
    }
    return due;
  }

  /** The schedule bucket of a config id: a stable hash (CRC-32), the same on every runtime. */
  public static int bucketOf(String configId) {
    CRC32 crc = new CRC32();
    crc.update(configId.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % SCHEDULE_BUCKETS);
  }

  private static Item item(
      String userId,
      String configId,
      SyncConfigSpec spec,
      Instant createdAt,
      Instant updatedAt,
      long revision) {
    Objects.requireNonNull(spec, "spec");
    Item.Builder b =
        Item.builder(key(userId, configId))
            .set("kind", "CONFIG")
            .set("configId", configId)
            .set("userId", userId)
            .set("sourceConnectionId", spec.sourceConnectionId())
            .set("destinationConnectionId", spec.destinationConnectionId())
            .set("dataType", spec.dataType().wireName())
            .set("strategy", spec.strategy().wireName())
            .set("enabled", spec.enabled())
            .set("createdAt", createdAt.toString())
            .set("updatedAt", updatedAt.toString())
            .set("revision", revision);
    spec.tier().ifPresent(t -> b.set("tier", t));
    spec.nextDueAt().ifPresent(t -> b.set("nextDueAt", t.toString()));
    if (spec.enabled() && spec.nextDueAt().isPresent()) {
      b.indexKey(
          SecondaryIndex.SCHEDULE,
          IndexKey.of(
              bucketPartition(bucketOf(configId)),
              UserKeys.sortableMillis(spec.nextDueAt().get())));
    }
    return b.build();
  }

  private static String bucketPartition(int bucket) {
    return String.format(Locale.ROOT, "DUE#%02d", bucket);
  }

  private static ItemKey key(String userId, String configId) {
    return ItemKey.of(
        UserKeys.partition(userId), SORT_PREFIX + UserKeys.requireId("config id", configId));
  }

  private static SyncConfig read(StoredItem stored) {
    StoredAttributes a = new StoredAttributes(stored.item(), KIND);
    SyncConfigSpec spec =
        new SyncConfigSpec(
            a.string("sourceConnectionId"),
            a.string("destinationConnectionId"),
            DataType.fromWireName(a.string("dataType"))
                .orElseThrow(() -> new IllegalStateException("a stored config has no data type")),
            ConflictStrategy.fromWireName(a.string("strategy"))
                .orElseThrow(() -> new IllegalStateException("a stored config has no strategy")),
            a.bool("enabled"),
            a.optionalString("tier"),
            a.optionalInstant("nextDueAt"));
    return new SyncConfig(
        a.string("configId"),
        a.string("userId"),
        spec,
        a.instant("createdAt"),
        a.instant("updatedAt"),
        a.numberOr("revision", FIRST_REVISION),
        stored.version());
  }
}
