package com.syncwell.engine.account;

import static com.syncwell.engine.account.AccountBed.ALICE;
import static com.syncwell.engine.account.AccountBed.BOB;
import static com.syncwell.engine.account.AccountBed.manualSync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.connector.TimeWindow;
import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.queue.ReceivedMessage;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionStatus;
import com.syncwell.engine.store.IdempotencyClaim;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobStatus;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.StoredResponse;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigSpec;
import com.syncwell.engine.sync.RequestSyncJob;
import com.syncwell.engine.sync.SyncJobMessage;
import com.syncwell.store.sqlite.SqliteCommitGroup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestSyncTest {
  @TempDir Path dir;

  /** What the grouped use case counted as requested: only jobs that were committed. */
  private final List<JobTrigger> counted = new CopyOnWriteArrayList<>();

  private AccountBed bed;
  private Connection fitbit;
  private Connection strava;

  @BeforeEach
  void open() {
    bed = new AccountBed(dir, AccountBed.scriptedFitbitAndStrava());
    fitbit = bed.connect(ALICE, "fitbit", "fb-alice");
    strava = bed.connect(ALICE, "strava", "st-alice");
  }

  @AfterEach
  void close() {
    bed.close();
  }

  private RequestSyncOutcome request(String user, SyncRequest request) {
    return bed.requestSync().request(user, request, "corr-42");
  }

  private static void assertOneMessageFor(List<ReceivedMessage> messages, Job job) {
    assertThat(messages).hasSize(1);
    assertThat(SyncJobMessage.parse(messages.get(0).body()))
        .isEqualTo(new SyncJobMessage(job.userId(), job.jobId()));
    assertThat(messages.get(0).attributes())
        .containsEntry(RequestSyncJob.CORRELATION_ATTRIBUTE, "corr-42");
  }

  @Test
  void a_config_of_the_caller_gets_a_queued_manual_job_and_its_message() {
    SyncConfig config = bed.config(ALICE, fitbit, strava, DataType.WORKOUT);

    RequestSyncOutcome outcome = request(ALICE, new SyncOfConfig(config.configId()));

    SyncRequested requested = (SyncRequested) outcome;
    Job job = requested.job();
    assertThat(requested.config()).isEqualTo(config);
    assertThat(job.jobId()).startsWith("job_");
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(job.trigger()).isEqualTo(JobTrigger.MANUAL);
    assertThat(job.configId()).isEqualTo(config.configId());
    assertThat(bed.jobs.get(ALICE, job.jobId())).contains(job);
    assertOneMessageFor(bed.drainQueue(), job);
  }

  /** Job and message in one SQLite commit, as the API runs them on the embedded store. */
  private RequestSync grouped() {
    SqliteCommitGroup commits = new SqliteCommitGroup(bed.db);
    return new RequestSync(
        bed.configs,
        bed.connections,
        bed.profiles,
        bed.connectors,
        new RequestSyncJob(bed.jobs, bed.queue, commits, counted::add),
        bed.clock);
  }

  private static StoredResponse answer(Job job) {
    return new StoredResponse(
        202, "application/json", Map.of(), job.jobId().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void an_answer_recorded_with_the_job_is_committed_with_it_and_replayed() {
    SyncConfig config = bed.config(ALICE, fitbit, strava, DataType.WORKOUT);
    var claim = (IdempotencyClaim.Proceed) bed.idempotency.begin(ALICE, "key-1", "hash-1");

    RequestSyncOutcome outcome =
        grouped()
            .request(
                ALICE,
                new SyncOfConfig(config.configId()),
                "corr-42",
                job -> bed.idempotency.complete(ALICE, "key-1", claim, answer(job)));

    Job job = ((SyncRequested) outcome).job();
    assertThat(counted).containsExactly(JobTrigger.MANUAL);
    assertThat(bed.idempotency.begin(ALICE, "key-1", "hash-1"))
        .isEqualTo(new IdempotencyClaim.Replay(answer(job)));
    assertOneMessageFor(bed.drainQueue(), job);
  }

  @Test
  void when_the_answer_cannot_be_recorded_neither_the_job_nor_its_message_is_committed() {
    SyncConfig config = bed.config(ALICE, fitbit, strava, DataType.WORKOUT);
    var claim = (IdempotencyClaim.Proceed) bed.idempotency.begin(ALICE, "key-1", "hash-1");

    assertThatThrownBy(
            () ->
                grouped()
                    .request(
                        ALICE,
                        new SyncOfConfig(config.configId()),
                        "corr-42",
                        job -> {
                          bed.idempotency.complete(ALICE, "key-1", claim, answer(job));
                          throw new StorageFailure("the record's write failed", null);
                        }))
        .isInstanceOf(StorageFailure.class);

    assertThat(bed.jobs.listByUser(ALICE, 10, Optional.empty()).items()).isEmpty();
    assertThat(bed.drainQueue()).isEmpty();
    assertThat(counted).as("a rolled-back job is not counted").isEmpty();
    assertThat(bed.idempotency.begin(ALICE, "key-1", "hash-1"))
        .as("still the claim, so the gate can release it for a retry")
        .isInstanceOf(IdempotencyClaim.InFlight.class);
    bed.idempotency.release(ALICE, "key-1", claim);
    assertThat(bed.idempotency.begin(ALICE, "key-1", "hash-1"))
        .isInstanceOf(IdempotencyClaim.Proceed.class);
  }

  @Test
  void
      a_key_claimed_in_the_commit_but_taken_meanwhile_rolls_back_the_job_its_message_and_new_config() {
    bed.idempotency.claimCompleted(
        ALICE,
        "key-1",
        "hash-1",
        answer(bed.jobs.create(ALICE, "cfg_other", JobTrigger.MANUAL, Optional.empty())));
    int jobsBefore = bed.jobs.listByUser(ALICE, 10, Optional.empty()).items().size();

    assertThatThrownBy(
            () ->
                grouped()
                    .request(
                        ALICE,
                        AccountBed.manualSync(fitbit, strava, "workout"),
                        "corr-42",
                        job -> {
                          if (!(bed.idempotency.claimCompleted(
                                  ALICE, "key-1", "hash-1", answer(job))
                              instanceof IdempotencyClaim.Proceed)) {
                            throw new IllegalStateException("the key is taken");
                          }
                        }))
        .hasMessage("the key is taken");

    assertThat(bed.jobs.listByUser(ALICE, 10, Optional.empty()).items()).hasSize(jobsBefore);
    assertThat(bed.configs.listByUser(ALICE)).as("the config made for the request").isEmpty();
    assertThat(bed.drainQueue()).isEmpty();
    assertThat(counted).isEmpty();
  }

  @Test
  void a_disabled_config_may_still_be_synced_by_hand() {
    SyncConfig config = bed.config(ALICE, fitbit, strava, DataType.WORKOUT);
    bed.configs.updateIfVersion(
        ALICE, config.configId(), config.spec().withEnabled(false), config.version());

    assertThat(request(ALICE, new SyncOfConfig(config.configId())))
        .isInstanceOf(SyncRequested.class);
  }

  @Test
  void another_users_config_is_not_found_and_nothing_is_enqueued() {
    SyncConfig config = bed.config(ALICE, fitbit, strava, DataType.WORKOUT);

    RequestSyncOutcome outcome = request(BOB, new SyncOfConfig(config.configId()));

    assertThat(outcome).isEqualTo(new SyncConfigNotFound(config.configId()));
    assertThat(request(ALICE, new SyncOfConfig("cfg#1"))).isInstanceOf(SyncConfigNotFound.class);
    assertThat(request(ALICE, new SyncOfConfig(null))).isInstanceOf(SyncConfigNotFound.class);
    assertThat(bed.drainQueue()).isEmpty();
    assertThat(bed.jobs.listByUser(BOB, 10, Optional.empty()).items()).isEmpty();
    assertThat(bed.jobs.listByUser(ALICE, 10, Optional.empty()).items()).isEmpty();
  }

  @Test
  void a_config_whose_connection_needs_authorizing_again_is_refused_up_front() {
    SyncConfig config = bed.config(ALICE, fitbit, strava, DataType.WORKOUT);
    bed.connections.markNeedsReauth(ALICE, strava.connectionId(), strava.version());

    assertThat(request(ALICE, new SyncOfConfig(config.configId())))
        .isEqualTo(new ConnectionNotUsable(strava.connectionId(), ConnectionStatus.NEEDS_REAUTH));
    assertThat(bed.drainQueue()).isEmpty();
  }

  @Test
  void an_ad_hoc_pair_without_a_config_runs_through_a_new_unscheduled_one() {
    bed.updateSettings()
        .update(ALICE, new SettingsChange(Optional.of("newest_wins"), Optional.empty()));

    SyncRequested requested = (SyncRequested) request(ALICE, manualSync(fitbit, strava, "workout"));

    SyncConfigSpec spec = requested.config().spec();
    assertThat(spec.sourceConnectionId()).isEqualTo(fitbit.connectionId());
    assertThat(spec.destinationConnectionId()).isEqualTo(strava.connectionId());
    assertThat(spec.dataType()).isEqualTo(DataType.WORKOUT);
    assertThat(spec.strategy()).isEqualTo(ConflictStrategy.NEWEST_WINS);
    assertThat(spec.enabled()).isTrue();
    assertThat(spec.tier()).contains("FREE");
    assertThat(spec.nextDueAt()).isEmpty();
    assertThat(requested.job().configId()).isEqualTo(requested.config().configId());
    assertThat(bed.listSyncConfigs().list(ALICE)).containsExactly(requested.config());
    assertOneMessageFor(bed.drainQueue(), requested.job());
  }

  @Test
  void the_scheduler_never_sees_an_ad_hoc_config() {
    request(ALICE, manualSync(fitbit, strava, "workout"));

    assertThat(bed.dueConfigIds(bed.clock.instant().plus(Duration.ofDays(3650)))).isEmpty();
  }

  @Test
  void a_second_ad_hoc_request_for_the_same_route_reuses_its_config() {
    SyncRequested first = (SyncRequested) request(ALICE, manualSync(fitbit, strava, "workout"));
    SyncRequested second = (SyncRequested) request(ALICE, manualSync(fitbit, strava, "workout"));
    SyncRequested otherType = (SyncRequested) request(ALICE, manualSync(strava, fitbit, "workout"));

    assertThat(second.config().configId()).isEqualTo(first.config().configId());
    assertThat(second.job().jobId()).isNotEqualTo(first.job().jobId());
    assertThat(otherType.config().configId()).isNotEqualTo(first.config().configId());
    assertThat(bed.listSyncConfigs().list(ALICE)).hasSize(2);
    assertThat(bed.drainQueue()).hasSize(3);
  }

  @Test
  void an_ad_hoc_pair_runs_through_the_callers_scheduled_config_for_that_route() {
    SyncConfig scheduled = bed.config(ALICE, fitbit, strava, DataType.WORKOUT);

    SyncRequested requested = (SyncRequested) request(ALICE, manualSync(fitbit, strava, "workout"));

    assertThat(requested.config()).isEqualTo(scheduled);
    assertThat(bed.listSyncConfigs().list(ALICE)).containsExactly(scheduled);
  }

  @Test
  void an_ad_hoc_pair_is_checked_like_a_new_config() {
    Connection bobs = bed.connect(BOB, "strava", "st-bob");

    assertThat(request(ALICE, manualSync(fitbit, fitbit, "weight")))
        .isEqualTo(new SameConnection());
    assertThat(request(ALICE, manualSync(fitbit, bobs, "workout")))
        .isEqualTo(new ConnectionNotFound(bobs.connectionId()));
    assertThat(request(BOB, manualSync(bobs, strava, "workout")))
        .isEqualTo(new ConnectionNotFound(strava.connectionId()));
    assertThat(request(ALICE, manualSync(strava, fitbit, "sleep_session")))
        .isEqualTo(new DataTypeNotReadable("strava", DataType.SLEEP_SESSION));
    assertThat(request(ALICE, manualSync(fitbit, strava, "heart_rate")))
        .isEqualTo(new DataTypeNotWritable("strava", DataType.HEART_RATE));
    assertThat(bed.listSyncConfigs().list(ALICE)).isEmpty();
    assertThat(bed.listSyncConfigs().list(BOB)).isEmpty();
    assertThat(bed.drainQueue()).isEmpty();
  }

  @Test
  void a_historical_sync_carries_its_window_in_utc_days_and_without_a_range_the_last_30_days() {
    DateRange january = new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31));

    RequestSyncOutcome ranged = request(ALICE, historical(Optional.of(january)));
    RequestSyncOutcome open = request(ALICE, historical(Optional.empty()));

    Job rangedJob = ((SyncRequested) ranged).job();
    assertThat(rangedJob.window())
        .contains(
            new TimeWindow(
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z")));
    assertThat(bed.jobs.get(ALICE, rangedJob.jobId()).orElseThrow().window())
        .isEqualTo(rangedJob.window());
    Instant now = bed.clock.instant();
    assertThat(((SyncRequested) open).job().window())
        .contains(new TimeWindow(now.minus(Duration.ofDays(30)), now));
    assertThat(bed.listSyncConfigs().list(ALICE)).hasSize(1);
    assertThat(bed.drainQueue()).hasSize(2);
  }

  @Test
  void
      a_historical_range_reaching_past_now_ends_now_and_one_in_the_future_or_too_long_is_refused() {
    LocalDate today = LocalDate.ofInstant(bed.clock.instant(), ZoneOffset.UTC);
    Instant now = bed.clock.instant();

    RequestSyncOutcome capped =
        request(
            ALICE, historical(Optional.of(new DateRange(today.minusDays(2), today.plusDays(5)))));
    RequestSyncOutcome future =
        request(
            ALICE, historical(Optional.of(new DateRange(today.plusDays(1), today.plusDays(2)))));
    RequestSyncOutcome tooLong =
        request(
            ALICE,
            historical(Optional.of(new DateRange(today.minusDays(400), today.minusDays(1)))));

    assertThat(((SyncRequested) capped).job().window().orElseThrow().to()).isEqualTo(now);
    assertThat(future).isInstanceOf(InvalidField.class);
    assertThat(((InvalidField) future).field()).isEqualTo("dateRange");
    assertThat(tooLong).isInstanceOf(InvalidField.class);
    assertThat(bed.drainQueue()).hasSize(1);
  }

  @Test
  void a_manual_sync_has_no_window() {
    RequestSyncOutcome manual = request(ALICE, manualSync(fitbit, strava, "workout"));

    assertThat(((SyncRequested) manual).job().window()).isEmpty();
  }

  private SyncOfPair historical(Optional<DateRange> range) {
    return new SyncOfPair(
        fitbit.connectionId(), strava.connectionId(), "workout", "historical", range);
  }

  @Test
  void malformed_ad_hoc_fields_are_invalid_fields() {
    String from = fitbit.connectionId();
    String to = strava.connectionId();
    DateRange backwards = new DateRange(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1));
    DateRange january = new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31));

    assertThat(field(new SyncOfPair(from, to, "runs", "manual", Optional.empty())))
        .isEqualTo("dataType");
    assertThat(field(new SyncOfPair(from, to, "workout", "MANUAL", Optional.empty())))
        .isEqualTo("mode");
    assertThat(field(new SyncOfPair(from, to, "workout", null, Optional.empty())))
        .isEqualTo("mode");
    assertThat(field(new SyncOfPair(from, to, "workout", "manual", Optional.of(january))))
        .isEqualTo("dateRange");
    assertThat(field(new SyncOfPair(from, to, "workout", "historical", Optional.of(backwards))))
        .isEqualTo("dateRange");
    assertThat(
            field(
                new SyncOfPair(
                    from, to, "workout", "historical", Optional.of(new DateRange(null, null)))))
        .isEqualTo("dateRange");
  }

  private String field(SyncRequest request) {
    return ((InvalidField) request(ALICE, request)).field();
  }
}
