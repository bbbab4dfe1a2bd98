package com.syncwell.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.connector.RateLimited;
import com.syncwell.connector.TimeWindow;
import com.syncwell.connector.TokenSet;
import com.syncwell.connector.Transient;
import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import com.syncwell.domain.SportType;
import com.syncwell.domain.Workout;
import com.syncwell.engine.store.ConfigRun;
import com.syncwell.engine.store.ConfigRunStarted;
import com.syncwell.engine.store.ConfigRunStore;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionStatus;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobReport;
import com.syncwell.engine.store.JobStatus;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.LedgerState;
import com.syncwell.engine.store.StoredCursor;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RunSyncJob on an in-memory provider pair and a fresh SQLite table per test. */
class RunSyncJobTest {
  private static final ZoneOffset BERLIN_SUMMER = ZoneOffset.ofHours(2);

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-30T12:00:00Z"));
  private final FakeProvider source = new FakeProvider("alpha");
  private final FakeProvider destination = new FakeProvider("beta");
  private CrashingTable crashing;
  private SyncBed bed;
  private Connection from;
  private Connection to;

  @BeforeEach
  void open() {
    bed =
        new SyncBed(
            dir,
            clock,
            Map.of("alpha", source, "beta", destination),
            SyncSettings.DEFAULT,
            t -> crashing = new CrashingTable(t));
    from = bed.connect("alpha", "alpha-user", tokens());
    to = bed.connect("beta", "beta-user", tokens());
  }

  @AfterEach
  void close() {
    bed.close();
  }

  private static TokenSet tokens() {
    return new TokenSet(
        "access",
        Optional.of("refresh"),
        Instant.parse("2100-01-01T00:00:00Z"),
        Set.of(),
        Optional.empty());
  }

  private OffsetDateTime daysAgo(int days, int hour) {
    return clock
        .instant()
        .minus(Duration.ofDays(days))
        .atOffset(BERLIN_SUMMER)
        .withHour(hour)
        .withMinute(0)
        .withSecond(0)
        .withNano(0);
  }

  private static Workout run(OffsetDateTime start, String title) {
    return FakeProvider.workout(SportType.RUNNING, title, start, Duration.ofMinutes(45));
  }

  /**
   * Seven source workouts over three pages, two of them already at the destination (a twin a few
   * seconds off), and one destination workout of its own.
   */
  private List<Workout> dataset() {
    List<Workout> all = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Workout w = run(daysAgo(20 - 2 * i, 7), "run " + i);
      all.add(w);
      source.add(w);
    }
    destination.add(run(all.get(1).start().plusSeconds(3), "twin of run 1"));
    destination.add(run(all.get(4).start().minusSeconds(2), "twin of run 4"));
    destination.add(run(daysAgo(3, 18), "beta's own"));
    return all;
  }

  /** How many destination workouts start within a minute of each source workout. */
  private List<Long> copiesAtDestination(List<Workout> sourceWorkouts) {
    List<Workout> there = destination.workouts();
    return sourceWorkouts.stream()
        .map(
            s ->
                there.stream()
                    .filter(
                        d ->
                            Duration.between(s.start().toInstant(), d.start().toInstant())
                                    .abs()
                                    .compareTo(Duration.ofMinutes(1))
                                <= 0)
                    .count())
        .toList();
  }

  private JobReport report(JobRun run) {
    assertThat(run).isInstanceOf(JobRun.Finished.class);
    return ((JobRun.Finished) run).report();
  }

  @Test
  void
      a_first_run_writes_each_source_workout_without_a_twin_once_and_reports_twins_as_duplicates() {
    List<Workout> all = dataset();
    SyncConfig config = bed.config(from, to, ConflictStrategy.SOURCE_WINS);

    JobRun run = bed.runOnce(config);

    assertThat(run).isInstanceOf(JobRun.Finished.class);
    assertThat(((JobRun.Finished) run).status()).isEqualTo(JobStatus.SUCCEEDED);
    JobReport report = report(run);
    assertThat(report.listed()).isEqualTo(7);
    assertThat(report.duplicatesSkipped()).isEqualTo(2);
    assertThat(report.hydrated()).isEqualTo(5);
    assertThat(report.written()).isEqualTo(5);
    assertThat(report.failed()).isZero();
    assertThat(report.providerCalls()).isPositive();
    assertThat(report.providerBytes()).isPositive();
    assertThat(copiesAtDestination(all)).containsOnly(1L);
    assertThat(destination.workouts()).hasSize(8);
    assertThat(source.fetchCalls).isEqualTo(5);
  }

  @Test
  void a_job_whose_config_is_running_another_job_is_deferred_and_runs_once_the_other_ends() {
    List<Workout> all = dataset();
    SyncConfig config = bed.config(from, to, ConflictStrategy.SOURCE_WINS);
    ConfigRunStore runs = new ConfigRunStore(bed.table, clock);
    ConfigRun other =
        ((ConfigRunStarted)
                runs.start(SyncBed.USER, config.configId(), "job_other", SyncBed.lease()))
            .run();
    Job job = bed.job(config);

    JobRun deferred = bed.run(job, "worker-1");

    assertThat(deferred).isInstanceOf(JobRun.Deferred.class);
    assertThat(((JobRun.Deferred) deferred).until())
        .isAfter(clock.instant())
        .isBeforeOrEqualTo(clock.instant().plus(RunSyncJob.CONFIG_BUSY_RETRY));
    assertThat(bed.jobs.get(SyncBed.USER, job.jobId()).orElseThrow().status())
        .isEqualTo(JobStatus.QUEUED);
    assertThat(source.listCalls + destination.listCalls + destination.writeCalls).isZero();

    runs.end(other);
    JobRun afterwards = bed.run(job, "worker-2");

    assertThat(report(afterwards).written()).isEqualTo(5);
    assertThat(copiesAtDestination(all)).containsOnly(1L);
    assertThat(runs.start(SyncBed.USER, config.configId(), "job_next", SyncBed.lease()))
        .as("the finished job let go of its config")
        .isInstanceOf(ConfigRunStarted.class);
  }

  @Test
  void a_second_run_writes_nothing_and_lists_the_source_once_and_the_destination_not_at_all() {
    dataset();
    SyncConfig config = bed.config(from, to, ConflictStrategy.SOURCE_WINS);
    bed.runOnce(config);
    int sourceLists = source.listCalls;
    int destinationLists = destination.listCalls;
    int writes = destination.writeCalls;

    JobReport second = report(bed.runOnce(config));

    assertThat(second.written()).isZero();
    assertThat(second.hydrated()).isZero();
    assertThat(source.listCalls - sourceLists).isEqualTo(1);
    assertThat(destination.listCalls - destinationLists).isZero();
    assertThat(destination.writeCalls).isEqualTo(writes);
    assertThat(second.providerCalls()).isEqualTo(1);
  }

  @Test
  void a_workout_added_later_is_picked_up_by_the_next_run_from_the_cursor() {
    List<Workout> all = new ArrayList<>(dataset());
    SyncConfig config = bed.config(from, to, ConflictStrategy.SOURCE_WINS);
    bed.runOnce(config);
    clock.advance(Duration.ofHours(1));
    Workout late = run(daysAgo(1, 6), "late");
    source.add(late);
    all.add(late);

    JobReport second = report(bed.runOnce(config));

    assertThat(second.listed()).isEqualTo(1);
    assertThat(second.written()).isEqualTo(1);
    assertThat(copiesAtDestination(all)).containsOnly(1L);
  }

  @Test
  void two_way_sync_never_echoes_a_record_back() {
    dataset();
    SyncConfig there = bed.config(from, to, ConflictStrategy.SOURCE_WINS);
    SyncConfig back = bed.config(to, from, ConflictStrategy.SOURCE_WINS);

    bed.runOnce(there);
    JobReport backReport = report(bed.runOnce(back));
    clock.advance(Duration.ofMinutes(30));
    JobReport thereAgain = report(bed.runOnce(there));
    JobReport backAgain = report(bed.runOnce(back));

    // beta's own workout is the only one that goes back; the twins are duplicates, our writes
    // echoes
    assertThat(backReport.written()).isEqualTo(1);
    assertThat(thereAgain.written()).isZero();
    assertThat(backAgain.written()).isZero();
    assertThat(source.workouts()).hasSize(8);
    assertThat(destination.workouts()).hasSize(8);
  }

  /** A two-hour ride at the source, and another one at the destination starting 30 min later. */
  private void conflictingRides() {
    Workout ride =
        FakeProvider.workout(SportType.CYCLING, "ride", daysAgo(5, 8), Duration.ofHours(2));
    source.add(ride);
    destination.add(
        FakeProvider.workout(
            SportType.CYCLING, "other ride", ride.start().plusMinutes(30), Duration.ofHours(2)));
  }

  @Test
  void source_wins_writes_a_conflicting_workout_beside_the_destination_one() {
    conflictingRides();

    JobReport report = report(bed.runOnce(bed.config(from, to, ConflictStrategy.SOURCE_WINS)));

    assertThat(report.conflictsSourceWon()).isEqualTo(1);
    assertThat(report.written()).isEqualTo(1);
    assertThat(destination.workouts()).hasSize(2);
  }

  @Test
  void dest_wins_keeps_the_destination_workout_and_fetches_nothing() {
    conflictingRides();

    JobReport report = report(bed.runOnce(bed.config(from, to, ConflictStrategy.DEST_WINS)));

    assertThat(report.conflictsDestinationWon()).isEqualTo(1);
    assertThat(report.written()).isZero();
    assertThat(report.hydrated()).isZero();
    assertThat(destination.workouts()).hasSize(1);
  }

  @Test
  void a_revoked_grant_marks_the_connection_needs_reauth_and_fails_the_job_without_an_exception() {
    dataset();
    destination.revoke();
    SyncConfig config = bed.config(from, to, ConflictStrategy.SOURCE_WINS);
    Job job = bed.job(config);

    JobRun run = bed.run(job, "worker-1");

    assertThat(run).isInstanceOf(JobRun.Finished.class);
    assertThat(((JobRun.Finished) run).status()).isEqualTo(JobStatus.FAILED);
    assertThat(bed.connections.get(SyncBed.USER, to.connectionId()).orElseThrow().status())
        .isEqualTo(ConnectionStatus.NEEDS_REAUTH);
    assertThat(bed.connections.get(SyncBed.USER, from.connectionId()).orElseThrow().status())
        .isEqualTo(ConnectionStatus.ACTIVE);
    Job stored = bed.jobs.get(SyncBed.USER, job.jobId()).orElseThrow();
    assertThat(stored.status()).isEqualTo(JobStatus.FAILED);
    assertThat(stored.failureReason()).hasValueSatisfying(r -> assertThat(r).contains("beta"));

    JobRun next = bed.runOnce(config);
    assertThat(((JobRun.Finished) next).status()).isEqualTo(JobStatus.FAILED);
    assertThat(((JobRun.Finished) next).report().providerCalls()).isZero();
  }

  @Test
  void a_record_that_cannot_be_read_fails_alone_and_the_others_are_written() {
    List<Workout> all = dataset();
    String broken = source.refs().get(2).recordId();
    source.unreadable(broken);
    SyncConfig config = bed.config(from, to, ConflictStrategy.SOURCE_WINS);

    JobReport report = report(bed.runOnce(config));

    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.sourceItemId()).isEqualTo(broken);
              assertThat(f.reason()).contains("malformed");
            });
    assertThat(report.written()).isEqualTo(4);
    assertThat(copiesAtDestination(all)).containsExactly(1L, 1L, 0L, 1L, 1L, 1L, 1L);
    assertThat(bed.ledger.get(SyncBed.USER, config.configId(), broken).orElseThrow().failureCount())
        .isEqualTo(1);
  }

  @Test
  void a_record_the_destination_rejects_is_blocked_after_five_runs_and_then_left_alone() {
    source.add(run(daysAgo(4, 7), "refused"));
    source.add(run(daysAgo(3, 7), "fine"));
    destination.refuseTitle("refused");
    SyncConfig config = bed.config(from, to, ConflictStrategy.SOURCE_WINS);
    String refused = source.refs().getFirst().recordId();

    List<JobReport> reports = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      // the cursor has moved past it; a manual resync from scratch re-lists it (fresh cursor)
      reports.add(report(bed.runOnce(config)));
      bed.table.deleteIfVersion(
          com.syncwell.engine.port.table.ItemKey.of(
              "USER#" + SyncBed.USER,
              "CURSOR#" + from.connectionId() + "#workout#" + config.configId()),
          bed.cursors
              .get(
                  SyncBed.USER,
                  from.connectionId(),
                  com.syncwell.domain.DataType.WORKOUT,
                  config.configId())
              .orElseThrow()
              .version());
      clock.advance(Duration.ofMinutes(15));
    }

    assertThat(reports).allSatisfy(r -> assertThat(r.failed()).isEqualTo(1));
    assertThat(reports.get(4).failures().getFirst().reason()).startsWith("blocked after 5");
    assertThat(bed.ledger.get(SyncBed.USER, config.configId(), refused).orElseThrow().state())
        .isEqualTo(LedgerState.BLOCKED);
    assertThat(reports.get(5).hydrated()).isZero();
    assertThat(reports.get(5).failures().getFirst().reason())
        .isEqualTo("blocked after 5 failures: the sport is not accepted here");
    assertThat(destination.workouts()).hasSize(1);
  }

  @Test
  void a_transient_error_midway_keeps_the_handled_pages_releases_the_job_and_propagates() {
    List<Workout> all = dataset();
    SyncConfig config = bed.config(from, to, ConflictStrategy.SOURCE_WINS);
    Job job = bed.job(config);
    destination.failAt(FakeProvider.Step.WRITE, 4, () -> new Transient("beta", "503", null));

    assertThatThrownBy(() -> bed.run(job, "worker-1")).isInstanceOf(Transient.class);

    Job stored = bed.jobs.get(SyncBed.USER, job.jobId()).orElseThrow();
    assertThat(stored.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(stored.progress().written()).isEqualTo(3);
    assertThat(
            bed.cursors.get(
                SyncBed.USER,
                from.connectionId(),
                com.syncwell.domain.DataType.WORKOUT,
                config.configId()))
        .isPresent();
    JobRun retry = bed.run(job, "worker-2"); // no wait: the job was released
    assertThat(((JobRun.Finished) retry).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(report(retry).listed()).isEqualTo(4); // the first page of 3 is behind the cursor
    assertThat(copiesAtDestination(all)).containsOnly(1L);
  }

  @Test
  void a_rate_limit_propagates_and_is_no_failure() {
    dataset();
    SyncConfig config = bed.config(from, to, ConflictStrategy.SOURCE_WINS);
    Job job = bed.job(config);
    source.failAt(
        FakeProvider.Step.LIST,
        1,
        () -> new RateLimited("alpha", clock.instant().plusSeconds(60), "429"));

    assertThatThrownBy(() -> bed.run(job, "worker-1")).isInstanceOf(RateLimited.class);

    assertThat(bed.jobs.get(SyncBed.USER, job.jobId()).orElseThrow().status())
        .isEqualTo(JobStatus.QUEUED);
    assertThat(report(bed.run(job, "worker-1")).failed()).isZero();
  }

  @Test
  void a_disabled_config_cancels_its_scheduled_job_without_a_provider_call() {
    dataset();
    SyncConfig config = bed.config(from, to, ConflictStrategy.SOURCE_WINS);
    bed.configs.updateIfVersion(
        SyncBed.USER, config.configId(), config.spec().withEnabled(false), config.version());
    Job job = bed.jobs.create(SyncBed.USER, config.configId(), JobTrigger.SCHEDULED);

    JobRun run = bed.run(job, "worker-1");

    assertThat(run).isInstanceOf(JobRun.NotRun.class);
    assertThat(bed.jobs.get(SyncBed.USER, job.jobId()).orElseThrow().status())
        .isEqualTo(JobStatus.CANCELLED);
    assertThat(source.listCalls).isZero();
  }

  @Test
  void a_manual_job_of_a_disabled_config_runs_because_the_user_asked_for_it() {
    List<Workout> all = dataset();
    SyncConfig config = bed.config(from, to, ConflictStrategy.SOURCE_WINS);
    bed.configs.updateIfVersion(
        SyncBed.USER, config.configId(), config.spec().withEnabled(false), config.version());

    JobReport report = report(bed.runOnce(config));

    assertThat(report.written()).isEqualTo(5);
    assertThat(copiesAtDestination(all)).containsOnly(1L);
  }

  @Test
  void a_historical_job_syncs_its_window_beyond_the_lookback_once_and_leaves_the_cursor_alone() {
    List<Workout> recent = dataset();
    Workout old = run(daysAgo(45, 7), "older than the lookback");
    source.add(old);
    SyncConfig config = bed.config(from, to, ConflictStrategy.SOURCE_WINS);
    bed.runOnce(config);
    assertThat(copiesAtDestination(List.of(old))).containsOnly(0L);
    StoredCursor cursor =
        bed.cursors
            .get(SyncBed.USER, from.connectionId(), DataType.WORKOUT, config.configId())
            .orElseThrow();
    TimeWindow history =
        new TimeWindow(clock.instant().minus(Duration.ofDays(60)), clock.instant());

    JobReport first =
        report(
            bed.run(
                bed.jobs.create(
                    SyncBed.USER, config.configId(), JobTrigger.MANUAL, Optional.of(history)),
                "worker-h1"));
    JobReport again =
        report(
            bed.run(
                bed.jobs.create(
                    SyncBed.USER, config.configId(), JobTrigger.MANUAL, Optional.of(history)),
                "worker-h2"));

    assertThat(first.written()).isEqualTo(1);
    assertThat(first.listed()).isEqualTo(8);
    assertThat(again.written()).isZero();
    List<Workout> everything = new ArrayList<>(recent);
    everything.add(old);
    assertThat(copiesAtDestination(everything)).containsOnly(1L);
    assertThat(
            bed.cursors.get(SyncBed.USER, from.connectionId(), DataType.WORKOUT, config.configId()))
        .contains(cursor);
  }

  @Test
  void a_finished_job_and_a_job_another_worker_holds_are_not_run() {
    dataset();
    SyncConfig config = bed.config(from, to, ConflictStrategy.SOURCE_WINS);
    Job job = bed.job(config);
    bed.run(job, "worker-1");
    Job held = bed.job(config);
    bed.jobs.claim(SyncBed.USER, held.jobId(), "worker-9", SyncBed.lease());

    assertThat(bed.run(job, "worker-2")).isInstanceOf(JobRun.NotRun.class);
    assertThat(bed.run(held, "worker-2")).isInstanceOf(JobRun.NotRun.class);
  }

  /** Where a crash is injected: a provider call or a table write that never happens. */
  enum CrashPoint {
    AFTER_CLAIM,
    AFTER_LISTING,
    AFTER_HYDRATE,
    AFTER_BEGIN_WRITE,
    AFTER_DESTINATION_WRITE,
    BEFORE_MARK_WRITTEN,
    BEFORE_CURSOR_ADVANCE,
    AFTER_THIRD_WRITE
  }

  private void arm(CrashPoint point) {
    java.util.function.Supplier<RuntimeException> crash =
        () -> new CrashingTable.Crash(point.name());
    switch (point) {
      case AFTER_CLAIM -> source.failAt(FakeProvider.Step.LIST, 1, crash);
      case AFTER_LISTING -> source.failAt(FakeProvider.Step.FETCH, 1, crash);
      case AFTER_HYDRATE -> crashing.crashAt(CrashingTable.Op.PUT_IF_ABSENT, "LEDGER#", 1);
      case AFTER_BEGIN_WRITE -> destination.failAt(FakeProvider.Step.WRITE, 1, crash);
      case AFTER_DESTINATION_WRITE -> destination.failAt(FakeProvider.Step.AFTER_WRITE, 2, crash);
      case BEFORE_MARK_WRITTEN ->
          crashing.crashAt(CrashingTable.Op.UPDATE_IF_VERSION, "LEDGER#", 3);
      case BEFORE_CURSOR_ADVANCE -> crashing.crashAt(CrashingTable.Op.PUT_IF_ABSENT, "CURSOR#", 1);
      case AFTER_THIRD_WRITE -> destination.failAt(FakeProvider.Step.AFTER_WRITE, 3, crash);
    }
  }

  @ParameterizedTest
  @EnumSource(CrashPoint.class)
  void
      a_crash_at_any_step_then_a_retry_by_another_worker_leaves_every_record_at_the_destination_once(
          CrashPoint point) {
    List<Workout> all = dataset();
    SyncConfig config = bed.config(from, to, ConflictStrategy.SOURCE_WINS);
    Job job = bed.job(config);
    arm(point);

    assertThatThrownBy(() -> bed.run(job, "worker-1")).isInstanceOf(CrashingTable.Crash.class);
    clock.advance(SyncBed.lease().plusSeconds(1));
    JobRun retry = bed.run(job, "worker-2");

    assertThat(((JobRun.Finished) retry).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(copiesAtDestination(all)).containsOnly(1L);
    assertThat(destination.workouts()).hasSize(8);
    Set<String> sourceIds =
        source.refs().stream().map(r -> r.recordId()).collect(Collectors.toSet());
    assertThat(sourceIds)
        .allSatisfy(
            id ->
                assertThat(bed.ledger.get(SyncBed.USER, config.configId(), id))
                    .hasValueSatisfying(e -> assertThat(e.state()).isEqualTo(LedgerState.WRITTEN)));
    // and a run after that has nothing left to do
    assertThat(report(bed.runOnce(config)).written()).isZero();
  }
}
