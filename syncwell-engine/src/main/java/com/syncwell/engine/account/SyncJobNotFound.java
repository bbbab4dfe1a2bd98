package com.syncwell.engine.account;

/**
 * The caller has no sync job with this id (another user's, or one past its 30-day retention, counts
 * as none).
 */
public record SyncJobNotFound(String jobId) implements Refusal, GetSyncJobOutcome {
  @Override
  public String code() {
    return "sync_job_not_found";
  }
}
