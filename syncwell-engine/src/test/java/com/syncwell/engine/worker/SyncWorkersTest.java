package com.syncwell.engine.worker;

import static com.syncwell.engine.worker.QueueFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.connector.RateLimited;
import com.syncwell.connector.Transient;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import com.syncwell.engine.store.JobReport;
import com.syncwell.engine.store.JobStatus;
import com.syncwell.engine.sync.JobRun;
import com.syncwell.engine.sync.JobRunner;
import com.syncwell.engine.sync.SyncJobMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncWorkersTest {
  /** Draws 0: no jitter. */
  private static final RandomGenerator NO_JITTER = () -> 0L;

  /** Draws just under 1: the whole jitter. */
  private static final RandomGenerator FULL_JITTER = () -> -1L;

  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final JobRun FINISHED =
      new JobRun.Finished(JobStatus.SUCCEEDED, JobReport.empty());

  @TempDir Path dir;
  private QueueFixture fx;
  private SyncWorkers workers;

  @BeforeEach
  void open() {
    fx = new QueueFixture(dir);
  }

  @AfterEach
  void close() {
    if (workers != null) {
      workers.stop(Duration.ofSeconds(5));
    }
    fx.close();
  }

  private SyncWorkers start(int concurrency, JobRunner runner, RandomGenerator random) {
    WorkerSettings settings =
        WorkerSettings.defaults(concurrency)
            .withVisibilityTimeout(LEASE)
            .withWaitTime(Duration.ofMillis(500));
    workers = new SyncWorkers(fx.queue, runner, settings, fx.clock, random, "worker-test");
    workers.start();
    return workers;
  }

  private void sendJob(String jobId) {
    fx.queue.send(OutgoingMessage.of(new SyncJobMessage("u1", jobId).toBody()));
  }

  private static void hold(CountDownLatch gate) {
    try {
      if (!gate.await(QueueFixture.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("the test never opened the gate");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Test
  void a_finished_jobs_message_is_deleted() {
    List<SyncJobMessage> ran = new CopyOnWriteArrayList<>();
    start(
        2,
        (message, worker) -> {
          ran.add(message);
          return FINISHED;
        },
        NO_JITTER);

    sendJob("job_1");

    await("the message is gone", () -> fx.depth().total() == 0 && workers.counts().finished() == 1);
    assertThat(ran).containsExactly(new SyncJobMessage("u1", "job_1"));
    assertThat(fx.depth().deadLettered()).isZero();
  }

  @Test
  void a_job_that_was_not_run_is_acknowledged_too() {
    start(2, (message, worker) -> new JobRun.NotRun("already finished"), NO_JITTER);

    sendJob("job_1");

    await("the message is gone", () -> fx.depth().total() == 0 && workers.counts().notRun() == 1);
  }

  @Test
  void the_runner_is_told_which_worker_holds_the_job() {
    List<String> workerIds = new CopyOnWriteArrayList<>();
    start(
        1,
        (message, worker) -> {
          workerIds.add(worker);
          return FINISHED;
        },
        NO_JITTER);

    sendJob("job_1");

    await("the job ran", () -> workers.counts().finished() == 1);
    assertThat(workerIds).containsExactly("worker-test");
  }

  @Test
  void a_rate_limited_job_comes_back_after_the_reset_and_is_never_dead_lettered() {
    int rateLimitedRuns = 7; // more than the queue's 5 receives
    AtomicInteger runs = new AtomicInteger();
    start(
        2,
        (message, worker) -> {
          if (runs.incrementAndGet() <= rateLimitedRuns) {
            throw new RateLimited(
                "strava", fx.clock.instant().plus(Duration.ofMinutes(6)), "15-minute limit");
          }
          return FINISHED;
        },
        FULL_JITTER);

    sendJob("job_1");

    for (int run = 1; run <= rateLimitedRuns; run++) {
      int done = run;
      await(
          "run " + run + " is put back",
          () -> runs.get() == done && workers.counts().rateLimited() == done && waiting(1));
      // the reset is 6 min away; the full jitter adds 6 min more
      fx.clock.advance(Duration.ofMinutes(12).minusSeconds(1));
      assertThat(fx.depth().visible()).as("not back before reset + jitter").isZero();
      assertThat(runs.get()).isEqualTo(done);
      fx.clock.advance(Duration.ofSeconds(1));
    }

    await("the job finishes", () -> workers.counts().finished() == 1 && fx.depth().total() == 0);
    assertThat(runs.get()).isEqualTo(rateLimitedRuns + 1);
    assertThat(fx.depth().deadLettered()).isZero();
    assertThat(fx.queue.listDeadLetters(10)).isEmpty();
    assertThat(workers.counts().retried()).isZero();
  }

  @Test
  void a_job_deferred_behind_another_of_its_config_comes_back_at_its_time_and_never_dead_letters() {
    int deferrals = JobQueue.DEFAULT_MAX_RECEIVES + 2; // more than any delivery budget
    AtomicInteger runs = new AtomicInteger();
    start(
        1,
        (message, worker) -> {
          if (runs.incrementAndGet() <= deferrals) {
            return new JobRun.Deferred(fx.clock.instant().plusSeconds(2), "config busy");
          }
          return FINISHED;
        },
        NO_JITTER);

    sendJob("job_1");
    for (int run = 1; run <= deferrals; run++) {
      int done = run;
      await(
          "run " + run + " is deferred",
          () -> runs.get() == done && workers.counts().deferred() == done && waiting(1));
      fx.clock.advance(Duration.ofSeconds(1));
      assertThat(fx.depth().visible()).as("not back before its time").isZero();
      fx.clock.advance(Duration.ofSeconds(1));
    }

    await("the job finishes", () -> workers.counts().finished() == 1 && fx.depth().total() == 0);
    assertThat(runs.get()).isEqualTo(deferrals + 1);
    assertThat(fx.queue.listDeadLetters(10)).isEmpty();
    assertThat(workers.counts().retried()).isZero();
  }

  /** One message in the queue, delayed and never delivered: a fresh copy. */
  private boolean waiting(long delayed) {
    var depth = fx.depth();
    return depth.delayed() == delayed && depth.visible() == 0 && depth.inFlight() == 0;
  }

  @Test
  void a_rate_limit_longer_than_the_queues_delay_limit_is_chained_without_running_the_job_early() {
    AtomicInteger runs = new AtomicInteger();
    start(
        1,
        (message, worker) -> {
          if (runs.incrementAndGet() == 1) {
            throw new RateLimited("fitbit", fx.clock.instant().plus(Duration.ofHours(1)), "daily");
          }
          return FINISHED;
        },
        NO_JITTER);

    sendJob("job_1");
    await("the job is put back", () -> workers.counts().rateLimited() == 1 && waiting(1));

    for (int hop = 1; hop <= 3; hop++) {
      int hops = hop;
      fx.clock.advance(OutgoingMessage.MAX_DELAY);
      await("hop " + hop, () -> workers.counts().hops() == hops && waiting(1));
      assertThat(runs.get()).as("not run before the reset").isEqualTo(1);
    }
    fx.clock.advance(OutgoingMessage.MAX_DELAY);

    await("the job finishes", () -> workers.counts().finished() == 1 && fx.depth().total() == 0);
    assertThat(runs.get()).isEqualTo(2);
    assertThat(fx.depth().deadLettered()).isZero();
  }

  @Test
  void a_transient_job_is_retried_with_growing_delays_and_dead_lettered_after_five_receives() {
    AtomicInteger runs = new AtomicInteger();
    start(
        2,
        (message, worker) -> {
          runs.incrementAndGet();
          throw new Transient("strava", "503", null);
        },
        NO_JITTER);

    sendJob("job_1");

    for (int receive = 1; receive <= 5; receive++) {
      int done = receive;
      await(
          "delivery " + receive + " is put back",
          () -> workers.counts().retried() == done && fx.depth().inFlight() == 1);
      Duration backoff = Duration.ofSeconds(30).multipliedBy(1L << (receive - 1));
      fx.clock.advance(backoff.minusSeconds(1));
      assertThat(fx.depth().visible()).as("still backing off after delivery " + receive).isZero();
      assertThat(runs.get()).isEqualTo(done);
      fx.clock.advance(Duration.ofSeconds(1));
    }

    await("the message is dead-lettered", () -> fx.depth().deadLettered() == 1);
    assertThat(runs.get()).isEqualTo(5);
    assertThat(fx.queue.listDeadLetters(1).getFirst().receiveCount()).isEqualTo(5);
    assertThat(fx.depth().total()).isZero();
  }

  @Test
  void a_storage_failure_or_an_unexpected_error_is_retried_like_a_transient_failure() {
    AtomicInteger runs = new AtomicInteger();
    start(
        1,
        (message, worker) ->
            switch (runs.incrementAndGet()) {
              case 1 -> throw new StorageFailure("table busy", null);
              case 2 -> throw new IllegalStateException("a bug");
              default -> FINISHED;
            },
        NO_JITTER);

    sendJob("job_1");
    await("the first failure backs off", () -> workers.counts().retried() == 1);
    fx.clock.advance(Duration.ofSeconds(30));
    await("the second failure backs off", () -> workers.counts().retried() == 2);
    fx.clock.advance(Duration.ofSeconds(60));

    await("the job finishes", () -> workers.counts().finished() == 1 && fx.depth().total() == 0);
    assertThat(runs.get()).isEqualTo(3);
  }

  @Test
  void a_malformed_message_is_deleted_and_counted_without_running() {
    AtomicInteger runs = new AtomicInteger();
    start(
        2,
        (message, worker) -> {
          runs.incrementAndGet();
          return FINISHED;
        },
        NO_JITTER);

    fx.queue.send(OutgoingMessage.of("not json at all"));
    fx.queue.send(OutgoingMessage.of("{\"v\":2,\"userId\":\"u1\",\"jobId\":\"job_1\"}"));

    await("both are gone", () -> fx.depth().total() == 0 && workers.counts().poison() == 2);
    assertThat(runs.get()).isZero();
    assertThat(fx.depth().deadLettered()).isZero();
  }

  @Test
  void concurrency_is_bounded() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch gate = new CountDownLatch(1);
    for (int i = 0; i < 5; i++) {
      sendJob("job_" + i); // before the start, so one receive leases all five
    }
    start(
        2,
        (message, worker) -> {
          runs.incrementAndGet();
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          try {
            hold(gate);
            return FINISHED;
          } finally {
            running.decrementAndGet();
          }
        },
        NO_JITTER);

    await("two jobs run", () -> running.get() == 2 && fx.depth().inFlight() == 5);
    assertThat(workers.running()).isEqualTo(2);
    assertThat(runs.get()).isEqualTo(2);
    gate.countDown();
    await("all five finish", () -> workers.counts().finished() == 5 && fx.depth().total() == 0);
    assertThat(most.get()).isEqualTo(2);
    assertThat(runs.get()).isEqualTo(5);
  }

  @Test
  void the_heartbeat_keeps_a_long_job_invisible_beyond_its_initial_visibility() {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    start(
        1,
        (message, worker) -> {
          started.countDown();
          hold(gate);
          return FINISHED;
        },
        NO_JITTER);
    sendJob("job_1");
    await("the job runs", () -> started.getCount() == 0);

    fx.clock.advance(Duration.ofSeconds(50));
    assertThat(workers.heartbeat()).isEqualTo(1);
    fx.clock.advance(Duration.ofSeconds(50)); // 100 s: well past the first 60 s lease

    assertThat(fx.queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
    assertThat(fx.depth().inFlight()).isEqualTo(1);
    gate.countDown();
    await("the job finishes", () -> workers.counts().finished() == 1 && fx.depth().total() == 0);
  }

  @Test
  void without_a_heartbeat_the_lease_runs_out_and_another_receiver_gets_the_message() {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    start(
        1,
        (message, worker) -> {
          runs.incrementAndGet();
          started.countDown();
          hold(gate);
          return FINISHED;
        },
        NO_JITTER);
    sendJob("job_1");
    await("the job runs", () -> started.getCount() == 0);

    fx.clock.advance(LEASE.plusSeconds(1));
    // The message is visible again: this receiver or the worker's own receive loop (which keeps
    // receiving while its one slot is busy) gets the second delivery, whichever asks first.
    List<ReceivedMessage> mine = fx.queue.receive(ReceiveRequest.of(10, LEASE));
    gate.countDown();

    if (mine.isEmpty()) {
      await("the worker ran its second delivery", () -> runs.get() == 2);
    } else {
      assertThat(mine).singleElement().extracting(ReceivedMessage::receiveCount).isEqualTo(2);
    }
  }

  @Test
  void a_graceful_stop_releases_unstarted_messages_and_waits_for_the_running_job() {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      sendJob("job_" + i);
    }
    start(
        1,
        (message, worker) -> {
          runs.incrementAndGet();
          started.countDown();
          hold(gate);
          return FINISHED;
        },
        NO_JITTER);
    await("one job runs, two wait", () -> started.getCount() == 0 && fx.depth().inFlight() == 3);

    SyncWorkers stopping = workers;
    StopReport report;
    try (ExecutorService aside = Executors.newSingleThreadExecutor()) {
      CompletableFuture<StopReport> stop =
          CompletableFuture.supplyAsync(() -> stopping.stop(Duration.ofSeconds(20)), aside);
      await("the two waiting are released", () -> fx.depth().visible() == 2);
      assertThat(stop).isNotDone();
      gate.countDown();
      report = stop.join();
    }

    assertThat(report).isEqualTo(new StopReport(2, 0));
    assertThat(runs.get()).isEqualTo(1);
    assertThat(fx.depth().visible()).isEqualTo(2);
    assertThat(fx.depth().inFlight()).isZero();
    assertThat(workers.counts().finished()).isEqualTo(1);
  }

  @Test
  void a_stop_waits_for_running_jobs_only_up_to_its_bound() {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    start(
        1,
        (message, worker) -> {
          started.countDown();
          hold(gate);
          return FINISHED;
        },
        NO_JITTER);
    sendJob("job_1");
    await("the job runs", () -> started.getCount() == 0);

    StopReport report = workers.stop(Duration.ofMillis(50));

    assertThat(report).isEqualTo(new StopReport(0, 1));
    gate.countDown();
  }
}
