package com.syncwell.engine.account;

import com.syncwell.engine.store.JobStore;
import java.util.Objects;

/**
 * {@code GET /v1/sync-jobs/{id}}: one of the caller's jobs (status, progress, report). Reads only
 * the caller's partition, so another user's job id is {@link SyncJobNotFound}, as a missing or
 * expired one is.
 */
public final class GetSyncJob {
  private final JobStore jobs;

  public GetSyncJob(JobStore jobs) {
    this.jobs = Objects.requireNonNull(jobs, "jobs");
  }

  /**
   * @param userId the caller, from the token
   * @param jobId as received; a malformed one is not found
   */
  public GetSyncJobOutcome get(String userId, String jobId) {
    Objects.requireNonNull(userId, "userId");
    if (!FieldRules.isId(jobId)) {
      return new SyncJobNotFound(jobId);
    }
    return jobs.get(userId, jobId)
        .<GetSyncJobOutcome>map(SyncJobFound::new)
        .orElseGet(() -> new SyncJobNotFound(jobId));
  }
}
