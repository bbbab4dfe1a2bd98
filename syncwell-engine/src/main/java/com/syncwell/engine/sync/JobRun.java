package com.syncwell.engine.sync;

import com.syncwell.engine.store.JobReport;
import com.syncwell.engine.store.JobStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * What running a job message came to, for the worker to acknowledge it. Retriable failures are not
 * values: {@link com.syncwell.connector.RateLimited} and {@link com.syncwell.connector.Transient}
 * propagate, and the worker lets the message come back.
 */
public sealed interface JobRun {

  /** The job ran to an end state (SUCCEEDED, or FAILED for good, e.g. the grant was revoked). */
  record Finished(JobStatus status, JobReport report) implements JobRun {
    public Finished {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(report, "report");
    }
  }

  /**
   * Nothing to run: the job is already finished, held by another live lease, gone, or its config is
   * disabled. The message can be acknowledged.
   */
  record NotRun(String reason) implements JobRun {
    public NotRun {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Not now: another job of the same sync config is running. The job is QUEUED again and its
   * message should come back at {@code until}; not a failure.
   */
  record Deferred(Instant until, String reason) implements JobRun {
    public Deferred {
      Objects.requireNonNull(until, "until");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
