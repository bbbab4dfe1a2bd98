package com.syncwell.engine.worker;

import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.table.Written;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobRequests;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigStore;
import com.syncwell.engine.sync.SyncJobMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enqueues the sync configs that are due (ARCHITECTURE.md §8, scheduled trigger).
 *
 * <p>One {@link #tick()} reads every bucket of the schedule index for configs due at or before now
 * and, for each, in this order:
 *
 * <ol>
 *   <li><b>claims the due slot</b>: moves the config's next due time forward by its tier's interval
 *       with a version-checked write ({@link SyncConfigStore#advanceScheduleIfVersion}). Of two
 *       schedulers that read the same due config, exactly one wins; the loser sees a conflict and
 *       does nothing more for it — it has created no job and sent no message.
 *   <li>creates a QUEUED job ({@link JobTrigger#SCHEDULED});
 *   <li>sends its {@link SyncJobMessage} (in batches of up to 10).
 * </ol>
 *
 * <p><b>Crash window:</b> a crash (or a failing store or queue) after step 1 and before step 3
 * completes skips that slot: the config is no longer due and runs at its next due time, and a
 * created job without a message stays QUEUED until its 30-day expiry. A slot is never enqueued
 * twice, because enqueueing happens only after a won claim and each claim moves the due time past
 * now. Skipping is safe: a sync is incremental from the config's cursor, so the next run moves
 * whatever the skipped one would have.
 *
 * <p>A config overdue by several intervals (the schedulers were down) runs once and moves to its
 * first slot after now, keeping its phase; missed slots are not made up.
 */
public final class SyncScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

  /** Due configs read per index query. */
  static final int PAGE = 100;

  /** Index pages one bucket is read for in one tick, so a tick always ends. */
  static final int MAX_PAGES_PER_BUCKET = 100;

  private final SyncConfigStore configs;
  private final JobStore jobs;
  private final JobQueue queue;
  private final ScheduleIntervals intervals;
  private final Clock clock;
  private final JobRequests requests;
  private volatile ScheduledExecutorService timer;

  public SyncScheduler(
      SyncConfigStore configs,
      JobStore jobs,
      JobQueue queue,
      ScheduleIntervals intervals,
      Clock clock) {
    this(configs, jobs, queue, intervals, clock, JobRequests.IGNORED);
  }

  /** With {@code requests} told of each scheduled job created. */
  public SyncScheduler(
      SyncConfigStore configs,
      JobStore jobs,
      JobQueue queue,
      ScheduleIntervals intervals,
      Clock clock,
      JobRequests requests) {
    this.requests = Objects.requireNonNull(requests, "requests");
    this.configs = Objects.requireNonNull(configs, "configs");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.intervals = Objects.requireNonNull(intervals, "intervals");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Runs {@link #tick()} every {@code every} (real time) until {@link #close()}. */
  public synchronized void start(Duration every) {
    if (timer != null) {
      throw new IllegalStateException("the scheduler starts once");
    }
    ScheduledExecutorService t =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("syncwell-scheduler").daemon().factory());
    t.scheduleWithFixedDelay(this::tickQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    timer = t;
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  /** Enqueues every config due at or before the clock's now, once. */
  public ScheduleTick tick() {
    Instant now = clock.instant();
    ScheduleTick total = new ScheduleTick(0, 0, 0);
    for (int bucket = 0; bucket < SyncConfigStore.SCHEDULE_BUCKETS; bucket++) {
      total = total.plus(tickBucket(bucket, now));
    }
    if (total.enqueued() + total.lostRaces() + total.failed() > 0) {
      log.info(
          "scheduler enqueued {} due configs ({} taken by others, {} failed)",
          total.enqueued(),
          total.lostRaces(),
          total.failed());
    }
    return total;
  }

  /** The first slot after {@code now} on the config's cadence from {@code due}. */
  static Instant nextDue(Instant due, Duration interval, Instant now) {
    Instant next = due.plus(interval);
    if (!next.isAfter(now)) {
      long behind = Duration.between(due, now).toMillis() / interval.toMillis();
      next = due.plus(interval.multipliedBy(behind + 1));
    }
    return next;
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (RuntimeException e) {
      // a scheduled task that throws is never run again
      log.warn("scheduler pass failed ({}); trying again next time", e.getClass().getName());
    }
  }

  private ScheduleTick tickBucket(int bucket, Instant now) {
    ScheduleTick sum = new ScheduleTick(0, 0, 0);
    for (int page = 0; page < MAX_PAGES_PER_BUCKET; page++) {
      List<SyncConfig> due = configs.dueConfigs(bucket, now, PAGE);
      for (int from = 0; from < due.size(); from += JobQueue.MAX_BATCH_SIZE) {
        sum =
            sum.plus(
                enqueue(
                    due.subList(from, Math.min(due.size(), from + JobQueue.MAX_BATCH_SIZE)), now));
      }
      if (due.size() < PAGE) {
        break;
      }
    }
    return sum;
  }

  /** Claims, creates and sends up to one queue batch of due configs. */
  private ScheduleTick enqueue(List<SyncConfig> due, Instant now) {
    int lost = 0;
    int failed = 0;
    List<OutgoingMessage> messages = new ArrayList<>(due.size());
    List<String> jobIds = new ArrayList<>(due.size());
    for (SyncConfig config : due) {
      if (!config.spec().enabled() || config.spec().nextDueAt().isEmpty()) {
        continue; // not scheduled (a lagging index); nothing to claim
      }
      Instant next =
          nextDue(config.spec().nextDueAt().get(), intervals.of(config.spec().tier()), now);
      try {
        if (!(configs.advanceScheduleIfVersion(config, next) instanceof Written)) {
          lost++;
          continue;
        }
      } catch (RuntimeException e) {
        // the claim may or may not have happened: at worst this slot is skipped
        log.warn(
            "could not claim the slot of config {} ({})",
            config.configId(),
            e.getClass().getName());
        failed++;
        continue;
      }
      try {
        Job job = jobs.create(config.userId(), config.configId(), JobTrigger.SCHEDULED);
        requests.requested(JobTrigger.SCHEDULED);
        messages.add(
            OutgoingMessage.of(new SyncJobMessage(job.userId(), job.jobId()).toBody())
                .withAttribute("correlationId", job.jobId()));
        jobIds.add(job.jobId());
      } catch (RuntimeException e) {
        log.warn(
            "claimed config {} but could not create its job ({}); its slot is skipped",
            config.configId(),
            e.getClass().getName());
        failed++;
      }
    }
    if (messages.isEmpty()) {
      return new ScheduleTick(0, lost, failed);
    }
    try {
      queue.sendBatch(messages);
    } catch (RuntimeException e) {
      log.warn(
          "could not send scheduled jobs {} ({}); their slots are skipped",
          jobIds,
          e.getClass().getName());
      return new ScheduleTick(0, lost, failed + messages.size());
    }
    return new ScheduleTick(messages.size(), lost, failed);
  }
}
