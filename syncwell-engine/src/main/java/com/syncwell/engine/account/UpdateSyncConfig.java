package com.syncwell.engine.account;

import com.syncwell.domain.ConflictStrategy;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.Written;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigSpec;
import com.syncwell.engine.store.SyncConfigStore;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code PATCH /v1/sync-configs/{id}} with {@code If-Match}: changes the strategy and/or whether
 * the config is enabled, only if it is still at the revision (ETag) the caller read ({@link
 * VersionMismatch} otherwise, nothing changed). The scheduler's claims do not move the revision: an
 * edit racing one re-reads and retries by itself. A disabled config leaves the schedule index;
 * enabled again, it keeps its due time (one in the past runs on the scheduler's next pass). A
 * change that changes nothing writes nothing.
 */
public final class UpdateSyncConfig {
  private static final int MAX_ATTEMPTS = 5;

  private final SyncConfigStore configs;

  public UpdateSyncConfig(SyncConfigStore configs) {
    this.configs = Objects.requireNonNull(configs, "configs");
  }

  /**
   * @param userId the caller, from the token
   * @param configId as received; a malformed one is not found
   * @param expectedVersion the ETag the caller read
   */
  public UpdateSyncConfigOutcome update(
      String userId, String configId, long expectedVersion, SyncConfigChange change) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(change, "change");
    if (!FieldRules.isId(configId)) {
      return new SyncConfigNotFound(configId);
    }
    Optional<ConflictStrategy> strategy = Optional.empty();
    if (change.strategy().isPresent()) {
      strategy = ConflictStrategy.fromWireName(change.strategy().get());
      if (strategy.isEmpty()) {
        return new InvalidField("strategy", "must be one of " + FieldRules.STRATEGIES);
      }
    }
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<SyncConfig> found = configs.get(userId, configId);
      if (found.isEmpty()) {
        return new SyncConfigNotFound(configId);
      }
      SyncConfig current = found.get();
      if (current.revision() != expectedVersion) {
        return new VersionMismatch(current.revision());
      }
      SyncConfigSpec was = current.spec();
      SyncConfigSpec wanted =
          new SyncConfigSpec(
              was.sourceConnectionId(),
              was.destinationConnectionId(),
              was.dataType(),
              strategy.orElse(was.strategy()),
              change.enabled().orElse(was.enabled()),
              was.tier(),
              was.nextDueAt());
      if (wanted.equals(was)) {
        return new SyncConfigUpdated(current);
      }
      if (configs.updateIfVersion(userId, configId, wanted, current.version()) instanceof Written) {
        Optional<SyncConfig> updated = configs.get(userId, configId);
        if (updated.isPresent()) {
          return new SyncConfigUpdated(updated.get());
        }
        return new SyncConfigNotFound(configId);
      }
      // the item moved: a scheduler's claim (same revision: try again) or another edit
    }
    throw new StorageFailure("a sync config kept changing while it was being updated", null);
  }
}
