package com.syncwell.engine.store;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.StoredItem;
import com.syncwell.engine.port.table.Written;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One running job per sync config, at {@code USER#{userId}} / {@code CONFIGRUN#{configId}}: two
 * jobs of one config (a manual sync during a scheduled one, a webhook's) must not list, decide and
 * write the same records at once, or both could write a record the other has not written yet.
 *
 * <p>A run is a lease: the item names the job holding the config and until when; a job whose worker
 * died frees its config when that time passes. {@link #start} by the job that already holds the run
 * (its message came back) takes it over again. Every change is a version-checked write of the one
 * item, whose version only grows while the config is in use (the item expires {@link
 * #IDLE_RETENTION} after its last change), so a job that lost its run can never extend or end the
 * run of the job that took over.
 */
public final class ConfigRunStore {
  /** How long the item of a config nobody syncs is kept. */
  static final Duration IDLE_RETENTION = Duration.ofDays(30);

  private static final String SORT_PREFIX = "CONFIGRUN#";
  private static final int MAX_ATTEMPTS = 8;

  private final MetadataTable table;
  private final Clock clock;

  public ConfigRunStore(MetadataTable table, Clock clock) {
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Takes the config's run for {@code jobId} for {@code lease}, unless another job holds it. */
  public ConfigRunOutcome start(String userId, String configId, String jobId, Duration lease) {
    requirePositive(lease);
    ItemKey key = key(userId, configId);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      Item mine = item(key, configId, jobId, now.plus(lease), now);
      Optional<StoredItem> current = table.get(key);
      if (current.isEmpty()) {
        if (table.putIfAbsent(mine) instanceof Written w) {
          return started(userId, configId, jobId, now.plus(lease), w.version());
        }
        continue; // another job created it first
      }
      StoredAttributes held = new StoredAttributes(current.get().item(), "config run");
      String holder = held.string("jobId");
      Instant until = held.instant("until");
      if (!holder.equals(jobId) && until.isAfter(now)) {
        return new ConfigRunBusy(holder, until);
      }
      if (table.putIfVersion(mine, current.get().version()) instanceof Written w) {
        return started(userId, configId, jobId, now.plus(lease), w.version());
      }
    }
    throw new StorageFailure("too much contention on the run of a sync config", null);
  }

  /** The run extended to {@code lease} from now, or empty when it was lost to another job. */
  public Optional<ConfigRun> extend(ConfigRun run, Duration lease) {
    requirePositive(lease);
    Instant now = clock.instant();
    Instant until = now.plus(lease);
    ItemKey key = key(run.userId(), run.configId());
    return table.putIfVersion(item(key, run.configId(), run.jobId(), until, now), run.version())
            instanceof Written w
        ? Optional.of(started(run.userId(), run.configId(), run.jobId(), until, w.version()).run())
        : Optional.empty();
  }

  /** Ends the run at once; a run already lost is left to its new holder. */
  public void end(ConfigRun run) {
    Instant now = clock.instant();
    ItemKey key = key(run.userId(), run.configId());
    table.putIfVersion(item(key, run.configId(), run.jobId(), now, now), run.version());
  }

  private static ConfigRunStarted started(
      String userId, String configId, String jobId, Instant until, long version) {
    return new ConfigRunStarted(new ConfigRun(userId, configId, jobId, until, version));
  }

  private static Item item(ItemKey key, String configId, String jobId, Instant until, Instant now) {
    return Item.builder(key)
        .set("kind", "CONFIGRUN")
        .set("configId", configId)
        .set("jobId", jobId)
        .set("until", until.toString())
        .expiresAt(now.plus(IDLE_RETENTION))
        .build();
  }

  private static void requirePositive(Duration lease) {
    Objects.requireNonNull(lease, "lease");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("the lease must be positive");
    }
  }

  private static ItemKey key(String userId, String configId) {
    return ItemKey.of(
        UserKeys.partition(userId), SORT_PREFIX + UserKeys.requireId("config id", configId));
  }
}
