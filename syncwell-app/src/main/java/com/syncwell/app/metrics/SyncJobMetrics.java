package com.syncwell.app.metrics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.syncwell.api.metrics.JobOutcome;
import com.syncwell.api.metrics.MetricDimensions;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.store.JobReport;
import com.syncwell.engine.store.JobRequests;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.sync.JobRunner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Sync-job meters:
 *
 * <ul>
 *   <li>{@code syncwell.sync.jobs.requested} by {@code trigger} (manual, webhook, scheduled), from
 *       {@link #requests()} given to the job store;
 *   <li>{@code syncwell.sync.job.runs} and the timer {@code syncwell.sync.job.duration} (the time a
 *       worker spent on the delivery) by {@code outcome} ({@link JobOutcome}), from {@link
 *       #observe(JobRunner)};
 *   <li>{@code syncwell.sync.records} by {@code stage} (listed, hydrated, written, skipped,
 *       failed), from each finished job's report.
 * </ul>
 *
 * <p>A failure on a message's last delivery is {@link JobOutcome#DEAD_LETTERED}: the queue moves
 * such a message to the dead-letter queue. The worker's runner does not see receive counts, so
 * {@link #observe(JobQueue)} notes them per job id as messages are received and the runner
 * decorator takes them back. <b>Threading:</b> safe for concurrent use.
 */
public final class SyncJobMetrics {
  /** Receive counts noted but never taken (a job released at a stop) are dropped after this. */
  static final Duration ATTEMPT_MEMORY = Duration.ofHours(13);

  private final MeterRegistry registry;
  private final int maxReceives;
  private final Cache<String, Integer> receiveCounts =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(ATTEMPT_MEMORY).build();

  /**
   * @param maxReceives the queue's deliveries before dead-lettering ({@link
   *     JobQueue#DEFAULT_MAX_RECEIVES})
   */
  public SyncJobMetrics(MeterRegistry registry, int maxReceives) {
    this.registry = Objects.requireNonNull(registry, "registry");
    if (maxReceives < 1) {
      throw new IllegalArgumentException("maxReceives must be positive");
    }
    this.maxReceives = maxReceives;
  }

  /** The job store's listener: counts jobs requested by trigger. */
  public JobRequests requests() {
    return this::requested;
  }

  /** The queue, noting the receive count of each sync-job message received. */
  public JobQueue observe(JobQueue queue) {
    return new MeteredJobQueue(queue, this::noteDelivery);
  }

  /** The runner, counting and timing each run by outcome. */
  public JobRunner observe(JobRunner runner) {
    return new MeteredJobRunner(runner, this);
  }

  void requested(JobTrigger trigger) {
    Counter.builder("syncwell.sync.jobs.requested")
        .description("Sync jobs created, by what triggered them")
        .tag(MetricDimensions.TRIGGER, MetricDimensions.tag(trigger))
        .register(registry)
        .increment();
  }

  void noteDelivery(String jobId, int receiveCount) {
    receiveCounts.put(jobId, receiveCount);
  }

  /** The receive count noted for {@code jobId}'s current delivery, forgotten once taken. */
  OptionalInt takeDelivery(String jobId) {
    Integer count = receiveCounts.asMap().remove(jobId);
    return count == null ? OptionalInt.empty() : OptionalInt.of(count);
  }

  /** The outcome of a run that threw something other than a rate limit. */
  JobOutcome failureOn(OptionalInt receiveCount) {
    return receiveCount.isPresent() && receiveCount.getAsInt() >= maxReceives
        ? JobOutcome.DEAD_LETTERED
        : JobOutcome.RETRIED;
  }

  void ran(JobOutcome outcome, Duration elapsed) {
    String tag = outcome.tag();
    Counter.builder("syncwell.sync.job.runs")
        .description("Deliveries of sync-job messages, by how the run ended")
        .tag(MetricDimensions.OUTCOME, tag)
        .register(registry)
        .increment();
    Timer.builder("syncwell.sync.job.duration")
        .description("Time a worker spent on one delivery of a sync job, by outcome")
        .tag(MetricDimensions.OUTCOME, tag)
        .serviceLevelObjectives(JOB_BUCKETS)
        .register(registry)
        .record(elapsed);
  }

  void reported(JobReport report) {
    records("listed", report.listed());
    records("hydrated", report.hydrated());
    records("written", report.written());
    records("skipped", report.duplicatesSkipped());
    records("failed", report.failed());
  }

  private void records(String stage, long amount) {
    Counter counter =
        Counter.builder("syncwell.sync.records")
            .description("Records handled by finished sync jobs, by stage")
            .tag(MetricDimensions.STAGE, stage)
            .register(registry);
    if (amount > 0) {
      counter.increment(amount);
    }
  }

  /** Job latency buckets around the manual-sync target (p95 under 15 s). */
  private static final Duration[] JOB_BUCKETS = {
    Duration.ofMillis(100),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(15),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60),
    Duration.ofMinutes(5)
  };
}
