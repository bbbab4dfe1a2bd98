package com.syncwell.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.queue.DeadLetter;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.MessageId;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.QueueDepth;
import com.syncwell.engine.port.queue.ReceiptHandle;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobStatus;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigSpec;
import com.syncwell.engine.store.SyncConfigStore;
import com.syncwell.engine.sync.SyncJobMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncSchedulerTest {
  @TempDir Path dir;
  private QueueFixture fx;
  private SyncConfigStore configs;
  private JobStore jobs;
  private Instant now;

  @BeforeEach
  void open() {
    fx = new QueueFixture(dir);
    configs = new SyncConfigStore(fx.table, fx.clock);
    jobs = new JobStore(fx.table, fx.clock);
    now = fx.clock.instant();
  }

  @AfterEach
  void close() {
    fx.close();
  }

  /** Jobs the schedulers of {@link #scheduler()} counted as requested. */
  private final List<JobTrigger> counted = new CopyOnWriteArrayList<>();

  private SyncScheduler scheduler() {
    return new SyncScheduler(
        configs, jobs, fx.queue, ScheduleIntervals.DEFAULT, fx.clock, counted::add);
  }

  private SyncConfig config(String userId, String tier, Instant due) {
    return configs.create(
        userId,
        new SyncConfigSpec(
            "conn_src",
            "conn_dst",
            DataType.WORKOUT,
            ConflictStrategy.SOURCE_WINS,
            true,
            Optional.ofNullable(tier),
            Optional.of(due)));
  }

  private Instant nextDue(SyncConfig c) {
    return configs.get(c.userId(), c.configId()).orElseThrow().spec().nextDueAt().orElseThrow();
  }

  /** Every job message in the queue, as the jobs they name. */
  private List<Job> queuedJobs() {
    List<Job> queued = new ArrayList<>();
    while (true) {
      List<ReceivedMessage> batch = fx.queue.receive(ReceiveRequest.of(10, Duration.ofHours(1)));
      if (batch.isEmpty()) {
        return queued;
      }
      for (ReceivedMessage m : batch) {
        SyncJobMessage message = SyncJobMessage.parse(m.body());
        queued.add(jobs.get(message.userId(), message.jobId()).orElseThrow());
        assertThat(m.attributes()).containsEntry("correlationId", message.jobId());
      }
    }
  }

  @Test
  void the_scheduler_enqueues_each_due_config_once() {
    List<SyncConfig> due = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      due.add(config("u" + (i % 4), "PRO", now.minusSeconds(i)));
    }

    ScheduleTick first = scheduler().tick();
    ScheduleTick second = scheduler().tick();

    assertThat(first).isEqualTo(new ScheduleTick(30, 0, 0));
    assertThat(second).isEqualTo(new ScheduleTick(0, 0, 0));
    assertThat(counted).hasSize(30).containsOnly(JobTrigger.SCHEDULED);
    List<Job> queued = queuedJobs();
    assertThat(queued)
        .extracting(Job::configId)
        .containsExactlyInAnyOrderElementsOf(due.stream().map(SyncConfig::configId).toList());
    assertThat(queued)
        .allSatisfy(
            j -> {
              assertThat(j.trigger()).isEqualTo(JobTrigger.SCHEDULED);
              assertThat(j.status()).isEqualTo(JobStatus.QUEUED);
            });
  }

  @Test
  void two_schedulers_racing_enqueue_each_due_config_once() {
    List<SyncConfig> due = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      due.add(config("u" + (i % 5), i % 2 == 0 ? "PRO" : "FREE", now.minusSeconds(i)));
    }
    CyclicBarrier inStep = new CyclicBarrier(2);
    List<SyncScheduler> racing = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      SyncConfigStore ownView =
          new SyncConfigStore(new LockstepScheduleReads(fx.table, inStep), fx.clock);
      racing.add(
          new SyncScheduler(
              ownView,
              new JobStore(fx.table, fx.clock),
              fx.queue,
              ScheduleIntervals.DEFAULT,
              fx.clock));
    }

    ScheduleTick both;
    try (ExecutorService two = Executors.newFixedThreadPool(2)) {
      var a = CompletableFuture.supplyAsync(racing.get(0)::tick, two);
      var b = CompletableFuture.supplyAsync(racing.get(1)::tick, two);
      both = a.join().plus(b.join());
    }

    assertThat(both.enqueued()).isEqualTo(40);
    assertThat(both.lostRaces()).as("each config was read by both").isEqualTo(40);
    assertThat(both.failed()).isZero();
    assertThat(queuedJobs())
        .extracting(Job::configId)
        .containsExactlyInAnyOrderElementsOf(due.stream().map(SyncConfig::configId).toList());
  }

  @Test
  void a_config_not_yet_due_is_left_alone() {
    SyncConfig later = config("u1", "PRO", now.plusSeconds(1));

    assertThat(scheduler().tick()).isEqualTo(new ScheduleTick(0, 0, 0));

    assertThat(configs.get("u1", later.configId())).contains(later);
    assertThat(fx.depth().total()).isZero();
    fx.clock.advance(Duration.ofSeconds(1));
    assertThat(scheduler().tick().enqueued()).isEqualTo(1);
  }

  @Test
  void a_disabled_config_is_not_enqueued() {
    SyncConfig c = config("u1", "PRO", now.minusSeconds(60));
    configs.updateIfVersion("u1", c.configId(), c.spec().withEnabled(false), c.version());

    assertThat(scheduler().tick()).isEqualTo(new ScheduleTick(0, 0, 0));

    assertThat(fx.depth().total()).isZero();
    assertThat(jobs.listByUser("u1", 10, Optional.empty()).items()).isEmpty();
  }

  @Test
  void the_next_due_time_advances_by_the_tiers_interval() {
    Instant due = now.minusSeconds(60);
    SyncConfig pro = config("u1", "PRO", due);
    SyncConfig free = config("u2", "FREE", due);
    SyncConfig unknown = config("u3", null, due);

    scheduler().tick();

    assertThat(nextDue(pro)).isEqualTo(due.plus(Duration.ofMinutes(15)));
    assertThat(nextDue(free)).isEqualTo(due.plus(Duration.ofDays(1)));
    assertThat(nextDue(unknown)).isEqualTo(due.plus(Duration.ofDays(1)));
  }

  @Test
  void the_intervals_are_configurable() {
    Instant due = now.minusSeconds(60);
    SyncConfig pro = config("u1", "pro", due);
    SyncConfig free = config("u2", "FREE", due);
    var intervals = new ScheduleIntervals(Duration.ofMinutes(5), Duration.ofHours(6));

    new SyncScheduler(configs, jobs, fx.queue, intervals, fx.clock).tick();

    assertThat(nextDue(pro)).isEqualTo(due.plus(Duration.ofMinutes(5)));
    assertThat(nextDue(free)).isEqualTo(due.plus(Duration.ofHours(6)));
  }

  @Test
  void a_config_comes_due_again_after_its_interval() {
    config("u1", "PRO", now);
    SyncScheduler scheduler = scheduler();

    assertThat(scheduler.tick().enqueued()).isEqualTo(1);
    fx.clock.advance(Duration.ofMinutes(15).minusMillis(1));
    assertThat(scheduler.tick().enqueued()).isZero();
    fx.clock.advance(Duration.ofMillis(1));
    assertThat(scheduler.tick().enqueued()).isEqualTo(1);
    assertThat(fx.depth().visible()).isEqualTo(2);
  }

  @Test
  void an_overdue_config_runs_once_and_moves_to_its_first_slot_after_now() {
    Instant due = now.minus(Duration.ofMinutes(50));
    SyncConfig c = config("u1", "PRO", due);

    assertThat(scheduler().tick().enqueued()).isEqualTo(1);

    assertThat(nextDue(c)).isEqualTo(due.plus(Duration.ofMinutes(60)));
    assertThat(scheduler().tick().enqueued()).isZero();
  }

  @Test
  void a_failed_send_skips_the_slot_and_never_doubles_it() {
    SyncConfig c = config("u1", "PRO", now.minusSeconds(1));
    JobQueue failing = new SendsFail(fx.queue);

    ScheduleTick tick =
        new SyncScheduler(configs, jobs, failing, ScheduleIntervals.DEFAULT, fx.clock).tick();

    assertThat(tick).isEqualTo(new ScheduleTick(0, 0, 1));
    assertThat(nextDue(c)).isAfter(now);
    assertThat(scheduler().tick().enqueued()).as("the slot was claimed, not left due").isZero();
    assertThat(fx.depth().total()).isZero();
  }

  @Test
  void the_next_slot_keeps_the_configs_phase() {
    Instant due = Instant.parse("2026-01-01T00:07:00Z");
    Duration quarter = Duration.ofMinutes(15);

    assertThat(SyncScheduler.nextDue(due, quarter, due)).isEqualTo(due.plus(quarter));
    assertThat(SyncScheduler.nextDue(due, quarter, due.plus(quarter)))
        .isEqualTo(due.plus(quarter.multipliedBy(2)));
    assertThat(SyncScheduler.nextDue(due, quarter, due.plus(Duration.ofMinutes(31))))
        .isEqualTo(due.plus(quarter.multipliedBy(3)));
  }

  /** A queue whose sends fail, as a queue outage does. */
  private record SendsFail(JobQueue queue) implements JobQueue {
    @Override
    public MessageId send(OutgoingMessage message) {
      throw new StorageFailure("queue unreachable", null);
    }

    @Override
    public List<MessageId> sendBatch(List<OutgoingMessage> messages) {
      throw new StorageFailure("queue unreachable", null);
    }

    @Override
    public List<ReceivedMessage> receive(ReceiveRequest request) {
      return queue.receive(request);
    }

    @Override
    public boolean delete(ReceiptHandle receipt) {
      return queue.delete(receipt);
    }

    @Override
    public boolean changeVisibility(ReceiptHandle receipt, Duration timeout) {
      return queue.changeVisibility(receipt, timeout);
    }

    @Override
    public List<DeadLetter> listDeadLetters(int max) {
      return queue.listDeadLetters(max);
    }

    @Override
    public int redriveDeadLetters(int max) {
      return queue.redriveDeadLetters(max);
    }

    @Override
    public QueueDepth approximateDepth() {
      return queue.approximateDepth();
    }
  }
}
