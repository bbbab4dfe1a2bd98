package com.syncwell.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.connector.TokenSet;
import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.SportType;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionStatus;
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
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A revoked grant, end to end: the workers' receive loop on a SQLite queue, the real {@link
 * RunSyncJob} and in-memory providers, one of which has lost the user's grant.
 */
class RevokedTokenThroughWorkersTest {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-30T12:00:00Z"));
  private final FakeProvider source = new FakeProvider("alpha");
  private final FakeProvider destination = new FakeProvider("beta");
  private SyncBed bed;
  private SqliteJobQueue queue;
  private SyncWorkers workers;
  private Connection from;
  private Connection to;

  @BeforeEach
  void open() {
    bed = new SyncBed(dir, clock, Map.of("alpha", source, "beta", destination));
    queue = new SqliteJobQueue(bed.db, "jobs", clock, JobQueue.DEFAULT_MAX_RECEIVES);
    from = bed.connect("alpha", "alpha-user", tokens());
    to = bed.connect("beta", "beta-user", tokens());
    for (int day = 10; day > 0; day -= 3) {
      source.add(
          FakeProvider.workout(
              SportType.RUNNING,
              "run " + day,
              clock.instant().minus(Duration.ofDays(day)).atOffset(ZoneOffset.ofHours(2)),
              Duration.ofMinutes(45)));
    }
    workers =
        new SyncWorkers(
            queue,
            bed.runner,
            WorkerSettings.defaults(2)
                .withVisibilityTimeout(Duration.ofSeconds(60))
                .withWaitTime(Duration.ofMillis(500)),
            clock,
            () -> 0L,
            "worker-revoke");
    workers.start();
  }

  @AfterEach
  void close() {
    workers.stop(Duration.ofSeconds(5));
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

  /** A new job for the config, sent to the queue and run by the workers to the message's delete. */
  private Job submitAndDrain(SyncConfig config, long finishedBefore) {
    Job job = bed.job(config);
    queue.send(OutgoingMessage.of(new SyncJobMessage(SyncBed.USER, job.jobId()).toBody()));
    await(
        "the job's message is settled",
        () ->
            workers.counts().finished() == finishedBefore + 1
                && queue.approximateDepth().total() == 0);
    return bed.jobs.get(SyncBed.USER, job.jobId()).orElseThrow();
  }

  private static java.util.List<String> needingReauth(SyncBed bed, String provider) {
    return bed.connections.listNeedingReauth(provider, 10, Optional.empty()).items().stream()
        .map(Connection::connectionId)
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"alpha", "beta"})
  void a_revoked_grant_stops_the_connections_jobs_without_dead_lettering(String revokedProvider) {
    FakeProvider revoked = revokedProvider.equals("alpha") ? source : destination;
    Connection lost = revokedProvider.equals("alpha") ? from : to;
    Connection kept = revokedProvider.equals("alpha") ? to : from;
    revoked.revoke();
    SyncConfig config = bed.config(from, to, ConflictStrategy.SOURCE_WINS);

    Job first = submitAndDrain(config, 0);

    assertThat(first.status()).isEqualTo(JobStatus.FAILED);
    assertThat(first.failureReason())
        .hasValueSatisfying(
            r -> assertThat(r).contains(revokedProvider).contains("authorized again"));
    assertThat(bed.connections.get(SyncBed.USER, lost.connectionId()).orElseThrow().status())
        .isEqualTo(ConnectionStatus.NEEDS_REAUTH);
    assertThat(bed.connections.get(SyncBed.USER, kept.connectionId()).orElseThrow().status())
        .isEqualTo(ConnectionStatus.ACTIVE);
    assertThat(needingReauth(bed, revokedProvider)).containsExactly(lost.connectionId());
    assertThat(needingReauth(bed, kept.provider())).isEmpty();
    assertThat(queue.approximateDepth().total()).isZero();
    assertThat(queue.approximateDepth().deadLettered()).isZero();
    assertThat(queue.listDeadLetters(10)).isEmpty();
    assertThat(workers.counts().retried()).isZero();
    assertThat(workers.counts().rateLimited()).isZero();
    assertThat(destination.workouts()).isEmpty();

    int sourceCalls = source.attempts;
    int destinationCalls = destination.attempts;
    clock.advance(Duration.ofMinutes(15));
    Job later = submitAndDrain(config, 1);

    assertThat(later.status()).isEqualTo(JobStatus.FAILED);
    assertThat(later.failureReason())
        .hasValueSatisfying(r -> assertThat(r).contains("needs to be authorized again"));
    assertThat(later.report()).hasValueSatisfying(r -> assertThat(r.providerCalls()).isZero());
    assertThat(source.attempts).as("no call to the source").isEqualTo(sourceCalls);
    assertThat(destination.attempts).as("no call to the destination").isEqualTo(destinationCalls);
    assertThat(queue.approximateDepth().total()).isZero();
    assertThat(queue.listDeadLetters(10)).isEmpty();
  }
}
