package com.syncwell.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.connector.Connector;
import com.syncwell.connector.TokenSet;
import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.SportType;
import com.syncwell.domain.Workout;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.QueueDepth;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobStatus;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.worker.SyncWorkers;
import com.syncwell.engine.worker.WorkerSettings;
import com.syncwell.store.sqlite.SqliteJobQueue;
import com.syncwell.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 429 storm at the destination, end to end: the workers' receive loop on a SQLite queue, the real
 * {@link RunSyncJob}, in-memory providers, and a clock the test moves.
 */
class RateLimitStormThroughWorkersTest {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  /** Draws 0: a rate-limited message comes back exactly at the provider's reset. */
  private static final RandomGenerator NO_JITTER = () -> 0L;

  private static final ZoneOffset BERLIN_SUMMER = ZoneOffset.ofHours(2);
  private static final Duration RESET = Duration.ofMinutes(6);
  private static final Duration STORM = Duration.ofMinutes(40);
  private static final List<String> SOURCES = List.of("alpha", "gamma", "delta");
  private static final int WORKOUTS_PER_SOURCE = 4;

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-30T12:00:00Z"));
  private final Map<String, FakeProvider> sources = new LinkedHashMap<>();
  private final FakeProvider destination = new FakeProvider("beta");
  private SyncBed bed;
  private SqliteJobQueue queue;
  private SyncWorkers workers;

  @BeforeEach
  void open() {
    Map<String, Connector> connectors = new LinkedHashMap<>();
    for (String id : SOURCES) {
      FakeProvider p = new FakeProvider(id);
      sources.put(id, p);
      connectors.put(id, p);
    }
    connectors.put("beta", destination);
    bed = new SyncBed(dir, clock, connectors);
    queue = new SqliteJobQueue(bed.db, "jobs", clock, JobQueue.DEFAULT_MAX_RECEIVES);
  }

  @AfterEach
  void close() {
    if (workers != null) {
      workers.stop(Duration.ofSeconds(5));
    }
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

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
    }
  }

  private void startWorkers(int concurrency) {
    WorkerSettings settings =
        WorkerSettings.defaults(concurrency)
            .withVisibilityTimeout(Duration.ofSeconds(60))
            .withWaitTime(Duration.ofMillis(500));
    workers = new SyncWorkers(queue, bed.runner, settings, clock, NO_JITTER, "worker-storm");
    workers.start();
  }

  /** Each source gets its own workouts, a day apart across all sources (none match another). */
  private List<Workout> seed() {
    List<Workout> all = new ArrayList<>();
    int day = 25;
    for (FakeProvider source : sources.values()) {
      for (int i = 0; i < WORKOUTS_PER_SOURCE; i++) {
        OffsetDateTime start =
            clock
                .instant()
                .minus(Duration.ofDays(day--))
                .atOffset(BERLIN_SUMMER)
                .withHour(7)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        Workout w =
            FakeProvider.workout(
                SportType.RUNNING, source + " run " + i, start, Duration.ofMinutes(45));
        source.add(w);
        all.add(w);
      }
    }
    return all;
  }

  private long copiesAtDestination(Workout w) {
    return destination.workouts().stream()
        .filter(d -> d.start().toInstant().equals(w.start().toInstant()))
        .count();
  }

  private boolean allWaiting(int jobs) {
    QueueDepth depth = queue.approximateDepth();
    return depth.delayed() == jobs && depth.visible() == 0 && depth.inFlight() == 0;
  }

  @Test
  void jobs_submitted_during_a_429_storm_are_delayed_past_five_attempts_and_never_fail() {
    List<Workout> all = seed();
    Connection to = bed.connect("beta", "beta-user", tokens());
    // the storm has begun: two calls still pass (one job lists beta and writes one record)
    Instant stormEnds = clock.instant().plus(STORM);
    destination.storm(clock, 2, stormEnds, RESET);
    List<Job> jobs = new ArrayList<>();
    for (String id : SOURCES) {
      Connection from = bed.connect(id, id + "-user", tokens());
      SyncConfig config = bed.config(from, to, ConflictStrategy.SOURCE_WINS);
      Job job = bed.job(config);
      jobs.add(job);
      queue.send(OutgoingMessage.of(new SyncJobMessage(SyncBed.USER, job.jobId()).toBody()));
    }
    startWorkers(3);

    int rounds = 0;
    while (clock.instant().isBefore(stormEnds)) {
      rounds++;
      long limited = (long) rounds * jobs.size();
      await(
          "round " + rounds + " of the storm puts every job back",
          () -> workers.counts().rateLimited() == limited && allWaiting(jobs.size()));
      assertThat(queue.approximateDepth().deadLettered()).isZero();
      assertThat(jobs)
          .allSatisfy(
              j ->
                  assertThat(bed.jobs.get(SyncBed.USER, j.jobId()).orElseThrow().status())
                      .isEqualTo(JobStatus.QUEUED));
      clock.advance(RESET.minusSeconds(1));
      assertThat(queue.approximateDepth().visible()).as("not back before the reset").isZero();
      clock.advance(Duration.ofSeconds(1));
    }

    await(
        "every job finishes once the window reopens",
        () -> workers.counts().finished() == jobs.size() && queue.approximateDepth().total() == 0);
    assertThat(rounds).as("rate-limited attempts per job").isGreaterThan(5);
    assertThat(workers.counts().rateLimited()).isEqualTo((long) rounds * jobs.size());
    assertThat(destination.throttledCalls).isEqualTo(rounds * jobs.size());
    assertThat(workers.counts().retried()).isZero();
    assertThat(queue.approximateDepth().deadLettered()).isZero();
    assertThat(queue.listDeadLetters(10)).isEmpty();
    assertThat(jobs)
        .allSatisfy(
            j -> {
              Job stored = bed.jobs.get(SyncBed.USER, j.jobId()).orElseThrow();
              assertThat(stored.status()).isEqualTo(JobStatus.SUCCEEDED);
              assertThat(stored.failureReason()).isEmpty();
              assertThat(stored.report()).hasValueSatisfying(r -> assertThat(r.failed()).isZero());
            });
    assertThat(all).allSatisfy(w -> assertThat(copiesAtDestination(w)).isEqualTo(1));
    assertThat(destination.workouts()).hasSize(all.size());
    assertThat(destination.markers()).doesNotHaveDuplicates().hasSize(all.size());
  }
}
