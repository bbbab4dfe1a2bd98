package com.syncwell.engine.account;

import com.syncwell.domain.DataType;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.Profile;
import com.syncwell.engine.store.ProfileStore;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigSpec;
import com.syncwell.engine.store.SyncConfigStore;
import com.syncwell.engine.sync.ConnectorRegistry;
import com.syncwell.engine.sync.RequestSyncJob;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /v1/sync-jobs}: runs a sync now, through {@link RequestSyncJob} with trigger MANUAL.
 *
 * <ul>
 *   <li>{@link SyncOfConfig}: one of the caller's configs, enabled or disabled.
 *   <li>{@link SyncOfPair} with mode {@code manual}: checked like {@link CreateSyncConfig}; runs
 *       the caller's config for the same source, destination and data type when there is one
 *       (keeping its cursor, ledger and strategy), else a new unscheduled one (no {@code
 *       nextDueAt}, so the scheduler never picks it up; strategy and tier from the caller's
 *       profile).
 *   <li>Mode {@code historical} is {@link HistoricalNotSupported}: a job syncs from its config's
 *       cursor (a new config's first run looks back 30 days) and carries no window, so the engine
 *       cannot honour a date range — nor a backfill of older history — without changes.
 * </ul>
 *
 * <p>Both connections must still be the caller's and ACTIVE ({@link PairRefusal}), so a sync that
 * could only fail is refused up front. Not idempotent by itself: the HTTP layer's {@code
 * Idempotency-Key} keeps a retried request from enqueueing twice. Two concurrent ad-hoc requests
 * for a route without a config may create two configs for it.
 */
public final class RequestSync {
  private final SyncConfigStore configs;
  private final ProfileStore profiles;
  private final ConnectionPairs pairs;
  private final RequestSyncJob requestSyncJob;

  public RequestSync(
      SyncConfigStore configs,
      ConnectionStore connections,
      ProfileStore profiles,
      ConnectorRegistry connectors,
      RequestSyncJob requestSyncJob) {
    this.configs = Objects.requireNonNull(configs, "configs");
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.pairs = new ConnectionPairs(connections, connectors);
    this.requestSyncJob = Objects.requireNonNull(requestSyncJob, "requestSyncJob");
  }

  /**
   * @param userId the caller, from the token
   * @param correlationId the request's correlation id, carried by the job's message
   * @throws RuntimeException from the queue when the message cannot be sent (the job is then
   *     cancelled; see {@link RequestSyncJob})
   */
  public RequestSyncOutcome request(String userId, SyncRequest request, String correlationId) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(correlationId, "correlationId");
    return switch (request) {
      case SyncOfConfig ofConfig -> ofConfig(userId, ofConfig, correlationId);
      case SyncOfPair ofPair -> ofPair(userId, ofPair, correlationId);
    };
  }

  private RequestSyncOutcome ofConfig(String userId, SyncOfConfig request, String correlationId) {
    String configId = request.syncConfigId();
    if (!FieldRules.isId(configId)) {
      return new SyncConfigNotFound(configId);
    }
    Optional<SyncConfig> found = configs.get(userId, configId);
    if (found.isEmpty()) {
      return new SyncConfigNotFound(configId);
    }
    SyncConfigSpec spec = found.get().spec();
    Optional<PairRefusal> refusal =
        pairs.refusal(
            userId, spec.sourceConnectionId(), spec.destinationConnectionId(), spec.dataType());
    if (refusal.isPresent()) {
      return refusal.get();
    }
    return enqueue(userId, found.get(), correlationId);
  }

  private RequestSyncOutcome ofPair(String userId, SyncOfPair request, String correlationId) {
    Optional<DataType> type = DataType.fromWireName(request.dataType());
    if (type.isEmpty()) {
      return new InvalidField("dataType", "must be one of " + FieldRules.DATA_TYPES);
    }
    if (!"manual".equals(request.mode()) && !"historical".equals(request.mode())) {
      return new InvalidField("mode", "must be manual or historical");
    }
    if (request.dateRange().isPresent()) {
      DateRange range = request.dateRange().get();
      if (!"historical".equals(request.mode())) {
        return new InvalidField("dateRange", "is only allowed with mode historical");
      }
      if (range.from() == null || range.to() == null || range.from().isAfter(range.to())) {
        return new InvalidField("dateRange", "needs from and to, from not after to");
      }
    }
    if ("historical".equals(request.mode())) {
      return new HistoricalNotSupported();
    }
    Optional<PairRefusal> refusal =
        pairs.refusal(
            userId, request.sourceConnectionId(), request.destinationConnectionId(), type.get());
    if (refusal.isPresent()) {
      return refusal.get();
    }
    Profile profile = profiles.getOrCreate(userId);
    SyncConfigSpec unscheduled =
        new SyncConfigSpec(
            request.sourceConnectionId(),
            request.destinationConnectionId(),
            type.get(),
            profile.settings().defaultConflictStrategy(),
            true,
            Optional.of(profile.tier().name()),
            Optional.empty());
    SyncConfig config =
        SameRoute.find(configs.listByUser(userId), unscheduled)
            .orElseGet(() -> configs.create(userId, unscheduled));
    return enqueue(userId, config, correlationId);
  }

  private RequestSyncOutcome enqueue(String userId, SyncConfig config, String correlationId) {
    Job job = requestSyncJob.request(userId, config.configId(), JobTrigger.MANUAL, correlationId);
    return new SyncRequested(job, config);
  }
}
