package com.syncwell.engine.sync;

/**
 * Runs one job message to an end (the role the workers call; {@code RunSyncJob} plays it).
 *
 * <p><b>Idempotency:</b> the same message may arrive any number of times, also while an earlier
 * delivery still runs elsewhere; the job's lease and the ledger make the effect happen once.
 *
 * <p><b>Errors:</b> {@link com.syncwell.connector.RateLimited} (retry after its time; not a
 * failure) and {@link com.syncwell.connector.Transient} / {@link
 * com.syncwell.engine.port.StorageFailure} (retry with backoff) propagate; everything the job can
 * settle itself — a revoked grant, a record that fails alone — comes back as a {@link JobRun}.
 *
 * <p><b>Threading:</b> safe for concurrent use; each call runs on the caller's thread.
 */
@FunctionalInterface
public interface JobRunner {

  /**
   * @param workerId who holds the lease while the job runs (a worker instance id)
   */
  JobRun run(SyncJobMessage message, String workerId);
}
