package com.syncwell.engine.account;

import com.syncwell.connector.TimeWindow;
import com.syncwell.domain.DataType;
import com.syncwell.engine.store.ConfigAndProfile;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.Profile;
import com.syncwell.engine.store.ProfileStore;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigSpec;
import com.syncwell.engine.store.SyncConfigStore;
import com.syncwell.engine.sync.ConnectorRegistry;
import com.syncwell.engine.sync.JobDecision;
import com.syncwell.engine.sync.RequestSyncJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

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
 *   <li>Mode {@code historical}: the same route, but the job carries a window and syncs every
 *       record starting in it again, whatever the config's cursor says, without moving the cursor
 *       (the ledger keeps it from writing anything twice). The window is {@code dateRange}'s days
 *       in UTC, from the start of {@code from} to the end of {@code to} (capped at now), at most
 *       {@value #MAX_HISTORY_DAYS} days; without a range, the last {@value #DEFAULT_HISTORY_DAYS}
 *       days.
 * </ul>
 *
 * <p>Both connections must still be the caller's and ACTIVE ({@link PairRefusal}), so a sync that
 * could only fail is refused up front; while the account is being erased, {@link
 * AccountBeingErased}. Not idempotent by itself: the HTTP layer's {@code Idempotency-Key} keeps a
 * retried request from enqueueing twice.
 *
 * <p>Every read and check runs inside the job's commit ({@link RequestSyncJob#request(String,
 * JobTrigger, String, java.util.function.Supplier, Consumer)}): where the commit group is atomic,
 * nothing can change between the checks and the job, and a config created for an ad-hoc request
 * commits with its job, so whatever rolls the job back ({@code alsoCommit} throwing, a failed send)
 * takes the config with it. Where it is not, two concurrent ad-hoc requests for a route without a
 * config may create two configs for it.
 */
public final class RequestSync {
  static final int MAX_HISTORY_DAYS = 366;
  static final int DEFAULT_HISTORY_DAYS = 30;

  private final SyncConfigStore configs;
  private final ProfileStore profiles;
  private final ConnectionPairs pairs;
  private final RequestSyncJob requestSyncJob;
  private final Clock clock;

  public RequestSync(
      SyncConfigStore configs,
      ConnectionStore connections,
      ProfileStore profiles,
      ConnectorRegistry connectors,
      RequestSyncJob requestSyncJob,
      Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
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
    return request(userId, request, correlationId, job -> {});
  }

  /**
   * Like {@link #request(String, SyncRequest, String)}; when a job is created, {@code alsoCommit}
   * runs with it inside the commit that creates the job and sends its message (see {@link
   * RequestSyncJob#request(String, String, JobTrigger, Optional, String, Consumer)}), so the caller
   * can record its answer together with the job.
   */
  public RequestSyncOutcome request(
      String userId, SyncRequest request, String correlationId, Consumer<Job> alsoCommit) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(alsoCommit, "alsoCommit");
    return requestSyncJob.request(
        userId, JobTrigger.MANUAL, correlationId, () -> decide(userId, request), alsoCommit);
  }

  /** Runs inside the job's commit: every read and check, and the config of an ad-hoc request. */
  private JobDecision<RequestSyncOutcome> decide(String userId, SyncRequest request) {
    return switch (request) {
      case SyncOfConfig ofConfig -> ofConfig(userId, ofConfig);
      case SyncOfPair ofPair ->
          beingErased(userId) ? noJob(new AccountBeingErased()) : ofPair(userId, ofPair);
    };
  }

  private static JobDecision<RequestSyncOutcome> noJob(RequestSyncOutcome outcome) {
    return new JobDecision.NoJob<>(outcome);
  }

  private static JobDecision<RequestSyncOutcome> jobOf(
      SyncConfig config, Optional<TimeWindow> window) {
    return new JobDecision.CreateJob<>(
        config.configId(), window, job -> new SyncRequested(job, config));
  }

  private boolean beingErased(String userId) {
    return beingErased(profiles.get(userId));
  }

  private static boolean beingErased(Optional<Profile> profile) {
    return profile.map(Profile::isBeingErased).orElse(false);
  }

  private JobDecision<RequestSyncOutcome> ofConfig(String userId, SyncOfConfig request) {
    String configId = request.syncConfigId();
    if (!FieldRules.isId(configId)) {
      return noJob(
          beingErased(userId) ? new AccountBeingErased() : new SyncConfigNotFound(configId));
    }
    ConfigAndProfile read = configs.getWithProfile(userId, configId);
    if (beingErased(read.profile())) {
      return noJob(new AccountBeingErased());
    }
    Optional<SyncConfig> found = read.config();
    if (found.isEmpty()) {
      return noJob(new SyncConfigNotFound(configId));
    }
    SyncConfigSpec spec = found.get().spec();
    Optional<PairRefusal> refusal =
        pairs.refusal(
            userId, spec.sourceConnectionId(), spec.destinationConnectionId(), spec.dataType());
    if (refusal.isPresent()) {
      return noJob(refusal.get());
    }
    return jobOf(found.get(), Optional.empty());
  }

  private JobDecision<RequestSyncOutcome> ofPair(String userId, SyncOfPair request) {
    Optional<DataType> type = DataType.fromWireName(request.dataType());
    if (type.isEmpty()) {
      return noJob(new InvalidField("dataType", "must be one of " + FieldRules.DATA_TYPES));
    }
    if (!"manual".equals(request.mode()) && !"historical".equals(request.mode())) {
      return noJob(new InvalidField("mode", "must be manual or historical"));
    }
    if (request.dateRange().isPresent()) {
      DateRange range = request.dateRange().get();
      if (!"historical".equals(request.mode())) {
        return noJob(new InvalidField("dateRange", "is only allowed with mode historical"));
      }
      if (range.from() == null || range.to() == null || range.from().isAfter(range.to())) {
        return noJob(new InvalidField("dateRange", "needs from and to, from not after to"));
      }
    }
    Optional<TimeWindow> window = Optional.empty();
    if ("historical".equals(request.mode())) {
      Instant now = clock.instant();
      if (request.dateRange().isEmpty()) {
        window = Optional.of(new TimeWindow(now.minus(Duration.ofDays(DEFAULT_HISTORY_DAYS)), now));
      } else {
        DateRange range = request.dateRange().get();
        Instant from = range.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = range.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (ChronoUnit.DAYS.between(range.from(), range.to()) + 1 > MAX_HISTORY_DAYS) {
          return noJob(
              new InvalidField("dateRange", "spans more than " + MAX_HISTORY_DAYS + " days"));
        }
        if (!from.isBefore(now)) {
          return noJob(new InvalidField("dateRange", "must start before today ends (UTC)"));
        }
        window = Optional.of(new TimeWindow(from, to.isAfter(now) ? now : to));
      }
    }
    Optional<PairRefusal> refusal =
        pairs.refusal(
            userId, request.sourceConnectionId(), request.destinationConnectionId(), type.get());
    if (refusal.isPresent()) {
      return noJob(refusal.get());
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
    Optional<SyncConfig> existing = SameRoute.find(configs.listByUser(userId), unscheduled);
    return jobOf(existing.orElseGet(() -> configs.create(userId, unscheduled)), window);
  }
}
