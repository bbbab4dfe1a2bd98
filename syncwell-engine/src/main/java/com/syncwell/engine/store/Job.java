package com.syncwell.engine.store;

import com.syncwell.connector.TimeWindow;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A sync job as stored under {@code USER#{userId}} / {@code JOB#{jobId}}, kept 30 days.
 *
 * @param leaseOwner the worker running it, while RUNNING
 * @param leaseExpiresAt until when that worker holds it; after that another may claim it
 * @param report what it did, once finished
 * @param failureReason why it FAILED
 * @param window for a historical job, the span of record start times to sync again regardless of
 *     the config's cursor (which it does not move); empty for an incremental job
 */
public record Job(
    String jobId,
    String userId,
    String configId,
    JobTrigger trigger,
    JobStatus status,
    Optional<String> leaseOwner,
    Optional<Instant> leaseExpiresAt,
    JobProgress progress,
    Optional<JobReport> report,
    Optional<String> failureReason,
    Optional<TimeWindow> window,
    Instant createdAt,
    Instant updatedAt,
    long version) {
  public Job {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(configId, "configId");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(leaseOwner, "leaseOwner");
    Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(failureReason, "failureReason");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** True while RUNNING under a lease that has not run out at {@code now}. */
  public boolean isLeasedAt(Instant now) {
    return status == JobStatus.RUNNING && leaseExpiresAt.map(now::isBefore).orElse(false);
  }

  @Override
  public String toString() {
    return "Job[" + jobId + ", " + status + ", " + trigger + ", v" + version + "]";
  }
}
