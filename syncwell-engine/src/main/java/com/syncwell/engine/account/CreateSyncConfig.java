package com.syncwell.engine.account;

import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.Written;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.store.Profile;
import com.syncwell.engine.store.ProfileStore;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigSpec;
import com.syncwell.engine.store.SyncConfigStore;
import com.syncwell.engine.sync.ConnectorRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /v1/sync-configs}: a new sync rule — move a data type from one of the caller's
 * connections to another, on the caller's tier's schedule.
 *
 * <p>Checks (in this order): the data type and strategy are known; the two connections differ, are
 * the caller's and ACTIVE; the source's provider reads the type and the destination's writes it
 * ({@link PairRefusal}); the account is not being erased ({@link AccountBeingErased}). The strategy
 * defaults to the caller's settings, {@code enabled} to true; the tier is the caller's; the config
 * is due now, so the scheduler picks it up on its next pass.
 *
 * <p>One config per (source, destination, data type): a scheduled one that exists is {@link
 * SyncConfigExists}. An unscheduled one left by an earlier ad-hoc {@link RequestSync} is taken over
 * instead (it becomes scheduled with the requested strategy), keeping its cursor and ledger so
 * nothing is listed or matched twice. The check is a read, not a uniqueness constraint: two
 * concurrent creations of the same rule may both succeed.
 */
public final class CreateSyncConfig {
  private static final int MAX_ATTEMPTS = 5;

  private final SyncConfigStore configs;
  private final ProfileStore profiles;
  private final ConnectionPairs pairs;
  private final Clock clock;

  public CreateSyncConfig(
      SyncConfigStore configs,
      ConnectionStore connections,
      ProfileStore profiles,
      ConnectorRegistry connectors,
      Clock clock) {
    this.configs = Objects.requireNonNull(configs, "configs");
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.pairs = new ConnectionPairs(connections, connectors);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param userId the caller, from the token
   * @throws StorageFailure when the store fails or an ad-hoc config kept changing while taken over
   */
  public CreateSyncConfigOutcome create(String userId, NewSyncConfig request) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(request, "request");
    Optional<DataType> type = DataType.fromWireName(request.dataType());
    if (type.isEmpty()) {
      return new InvalidField("dataType", "must be one of " + FieldRules.DATA_TYPES);
    }
    Optional<ConflictStrategy> strategy = Optional.empty();
    if (request.strategy().isPresent()) {
      strategy = ConflictStrategy.fromWireName(request.strategy().get());
      if (strategy.isEmpty()) {
        return new InvalidField("strategy", "must be one of " + FieldRules.STRATEGIES);
      }
    }
    Optional<PairRefusal> refusal =
        pairs.refusal(
            userId, request.sourceConnectionId(), request.destinationConnectionId(), type.get());
    if (refusal.isPresent()) {
      return refusal.get();
    }
    Profile profile = profiles.getOrCreate(userId);
    if (profile.isBeingErased()) {
      return new AccountBeingErased();
    }
    SyncConfigSpec spec =
        new SyncConfigSpec(
            request.sourceConnectionId(),
            request.destinationConnectionId(),
            type.get(),
            strategy.orElse(profile.settings().defaultConflictStrategy()),
            request.enabled().orElse(true),
            Optional.of(profile.tier().name()),
            Optional.of(clock.instant()));

    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<SyncConfig> same = SameRoute.find(configs.listByUser(userId), spec);
      if (same.isEmpty()) {
        return new SyncConfigCreated(configs.create(userId, spec));
      }
      SyncConfig existing = same.get();
      if (existing.spec().nextDueAt().isPresent()) {
        return new SyncConfigExists(existing.configId());
      }
      if (configs.updateIfVersion(userId, existing.configId(), spec, existing.version())
          instanceof Written) {
        Optional<SyncConfig> taken = configs.get(userId, existing.configId());
        if (taken.isPresent()) {
          return new SyncConfigCreated(taken.get());
        }
      }
    }
    throw new StorageFailure("an ad-hoc sync config kept changing while it was taken over", null);
  }
}
