package com.syncwell.app.metrics;

import com.syncwell.api.metrics.JobOutcome;
import com.syncwell.connector.RateLimited;
import com.syncwell.engine.store.JobStatus;
import com.syncwell.engine.sync.JobRun;
import com.syncwell.engine.sync.JobRunner;
import com.syncwell.engine.sync.SyncJobMessage;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Runs the delegate and records the run in {@link SyncJobMetrics}: its outcome, how long it took,
 * and a finished job's record counts. Returns and throws exactly what the delegate does.
 */
final class MeteredJobRunner implements JobRunner {
  private final JobRunner delegate;
  private final SyncJobMetrics metrics;

  MeteredJobRunner(JobRunner delegate, SyncJobMetrics metrics) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public JobRun run(SyncJobMessage message, String workerId) {
    OptionalInt receiveCount = metrics.takeDelivery(message.jobId());
    long started = System.nanoTime();
    JobRun run;
    try {
      run = delegate.run(message, workerId);
    } catch (RateLimited e) {
      metrics.ran(JobOutcome.RATE_LIMITED, since(started));
      throw e;
    } catch (RuntimeException e) {
      metrics.ran(metrics.failureOn(receiveCount), since(started));
      throw e;
    }
    switch (run) {
      case JobRun.Finished f -> {
        metrics.ran(
            f.status() == JobStatus.SUCCEEDED ? JobOutcome.SUCCEEDED : JobOutcome.FAILED,
            since(started));
        metrics.reported(f.report());
      }
      case JobRun.NotRun n -> metrics.ran(JobOutcome.NOT_RUN, since(started));
      case JobRun.Deferred d -> metrics.ran(JobOutcome.DEFERRED, since(started));
    }
    return run;
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
