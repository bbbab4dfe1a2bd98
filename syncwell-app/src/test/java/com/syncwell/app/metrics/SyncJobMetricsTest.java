package com.syncwell.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.connector.RateLimited;
import com.syncwell.connector.Transient;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import com.syncwell.engine.store.JobReport;
import com.syncwell.engine.store.JobStatus;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.sync.JobRun;
import com.syncwell.engine.sync.JobRunner;
import com.syncwell.engine.sync.SyncJobMessage;
import com.syncwell.store.sqlite.SqliteDatabase;
import com.syncwell.store.sqlite.SqliteJobQueue;
import com.syncwell.testkit.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job runs by outcome, with the last delivery's failure counted as dead-lettered. */
class SyncJobMetricsTest {
  private static final SyncJobMessage JOB = new SyncJobMessage("u1", "job_01");

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.startingAtNewYear();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SyncJobMetrics metrics = new SyncJobMetrics(registry, 3);
  private SqliteDatabase db;
  private JobQueue queue;

  @BeforeEach
  void open() {
    db = SqliteDatabase.open(dir.resolve("q.db"));
    queue = metrics.observe(new SqliteJobQueue(db, "jobs", clock, 3));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private double runs(String outcome) {
    var c = registry.find("syncwell.sync.job.runs").tag("outcome", outcome).counter();
    return c == null ? 0 : c.count();
  }

  /** Receives the message once more and runs it; the delivery is released at once afterwards. */
  private void deliverAndRun(JobRunner runner) {
    List<ReceivedMessage> got = queue.receive(ReceiveRequest.of(1, Duration.ofMinutes(1)));
    assertThat(got).hasSize(1);
    try {
      runner.run(SyncJobMessage.parse(got.getFirst().body()), "w1");
    } catch (RuntimeException expected) {
      // the worker would put it back; here it is released at once
    } finally {
      queue.changeVisibility(got.getFirst().receipt(), Duration.ZERO);
    }
  }

  @Test
  void a_failure_on_the_last_delivery_is_dead_lettered_and_earlier_ones_are_retries() {
    queue.send(OutgoingMessage.of(JOB.toBody()));
    JobRunner failing =
        metrics.observe(
            (JobRunner)
                (m, w) -> {
                  throw new Transient("fitbit", "HTTP 503", null);
                });

    deliverAndRun(failing);
    deliverAndRun(failing);
    deliverAndRun(failing);

    assertThat(runs("retried")).isEqualTo(2);
    assertThat(runs("dead_lettered")).isEqualTo(1);
    assertThat(queue.approximateDepth().deadLettered()).isZero(); // moved on the next receive
    assertThat(queue.receive(ReceiveRequest.of(1, Duration.ofMinutes(1)))).isEmpty();
    assertThat(queue.approximateDepth().deadLettered()).isEqualTo(1);
  }

  @Test
  void a_rate_limit_on_the_last_delivery_is_not_a_dead_letter() {
    JobRunner limited =
        metrics.observe(
            (JobRunner)
                (m, w) -> {
                  throw new RateLimited("strava", clock.instant().plusSeconds(60), "429");
                });
    metrics.noteDelivery(JOB.jobId(), 3);

    assertThatThrownBy(() -> limited.run(JOB, "w1")).isInstanceOf(RateLimited.class);

    assertThat(runs("rate_limited")).isEqualTo(1);
    assertThat(runs("dead_lettered")).isZero();
  }

  @Test
  void a_finished_job_counts_its_outcome_its_records_and_its_time() {
    JobRunner ok =
        metrics.observe(
            (JobRunner)
                (m, w) ->
                    new JobRun.Finished(
                        JobStatus.SUCCEEDED,
                        new JobReport(19, 16, 0, 0, 3, 3, 0, List.of(), 23, 3_000)));
    JobRunner revoked =
        metrics.observe(
            (JobRunner) (m, w) -> new JobRun.Finished(JobStatus.FAILED, JobReport.empty()));

    ok.run(JOB, "w1");
    revoked.run(JOB, "w1");
    metrics.requests().requested(JobTrigger.WEBHOOK);

    assertThat(runs("succeeded")).isEqualTo(1);
    assertThat(runs("failed")).isEqualTo(1);
    assertThat(registry.get("syncwell.sync.records").tag("stage", "listed").counter().count())
        .isEqualTo(19);
    assertThat(registry.get("syncwell.sync.records").tag("stage", "skipped").counter().count())
        .isEqualTo(16);
    assertThat(
            registry.get("syncwell.sync.job.duration").tag("outcome", "succeeded").timer().count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("syncwell.sync.jobs.requested")
                .tag("trigger", "webhook")
                .counter()
                .count())
        .isEqualTo(1);
  }
}
