package com.syncwell.app;

import com.syncwell.app.config.Settings;
import com.syncwell.engine.sync.JobRunner;
import com.syncwell.engine.sync.RunSyncJob;
import com.syncwell.engine.sync.SyncSettings;
import com.syncwell.engine.worker.ScheduleIntervals;
import com.syncwell.engine.worker.StopReport;
import com.syncwell.engine.worker.SyncScheduler;
import com.syncwell.engine.worker.SyncWorkers;
import com.syncwell.engine.worker.WorkerSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The engine side of a process: {@link RunSyncJob} behind a pool of {@link SyncWorkers} on the
 * platform's queue, and optionally the {@link SyncScheduler} that enqueues due configs. Stops in
 * reverse order: no new scheduled jobs, then the workers finish (or release) what they hold.
 */
public final class SyncRuntime implements AutoCloseable {
  /** How often the scheduler looks for due configs. */
  public static final Duration SCHEDULER_TICK = Duration.ofSeconds(30);

  private final Optional<SyncWorkers> workers;
  private final Optional<SyncScheduler> scheduler;

  private SyncRuntime(Optional<SyncWorkers> workers, Optional<SyncScheduler> scheduler) {
    this.workers = workers;
    this.scheduler = scheduler;
  }

  /**
   * Starts workers ({@code SYNCWELL_WORKER_CONCURRENCY} jobs at a time) and/or the scheduler.
   *
   * @param wrap decorates the engine (the demo listens for job ends); identity otherwise
   * @param workerSettings how the workers poll and lease
   * @param workerId names this process's workers in job leases
   */
  public static SyncRuntime start(
      Platform platform,
      Settings settings,
      Clock clock,
      UnaryOperator<JobRunner> wrap,
      WorkerSettings workerSettings,
      boolean withScheduler,
      boolean withWorkers,
      String workerId) {
    RunSyncJob engine =
        new RunSyncJob(
            new RunSyncJob.Stores(
                platform.jobs(),
                platform.configs(),
                platform.connections(),
                platform.cursors(),
                platform.ledger(),
                platform.configRuns()),
            platform.connectors(),
            clock,
            SyncSettings.DEFAULT.withLease(settings.jobLease()));
    Optional<SyncWorkers> workers = Optional.empty();
    if (withWorkers) {
      SyncWorkers w =
          new SyncWorkers(
              platform.queue(),
              wrap.apply(platform.syncMetrics().observe(engine)),
              workerSettings,
              clock,
              RandomGenerator.getDefault(),
              workerId);
      w.start();
      workers = Optional.of(w);
    }
    Optional<SyncScheduler> scheduler = Optional.empty();
    if (withScheduler) {
      SyncScheduler s =
          new SyncScheduler(
              platform.configs(),
              platform.jobs(),
              platform.queue(),
              ScheduleIntervals.DEFAULT,
              clock,
              platform.syncMetrics().requests());
      s.start(SCHEDULER_TICK);
      scheduler = Optional.of(s);
    }
    return new SyncRuntime(workers, scheduler);
  }

  /** The default worker settings for {@code settings}' concurrency. */
  public static WorkerSettings workerSettings(Settings settings) {
    return WorkerSettings.defaults(settings.workerConcurrency())
        .withVisibilityTimeout(settings.queueVisibility());
  }

  /** Stops the scheduler, then the workers (running jobs get a grace period, then are released). */
  public Optional<StopReport> stop() {
    scheduler.ifPresent(SyncScheduler::close);
    return workers.map(SyncWorkers::stop);
  }

  @Override
  public void close() {
    stop();
  }
}
