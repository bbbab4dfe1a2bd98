package com.syncwell.engine.store;

/**
 * Told of every job created, with what triggered it (a metrics port: the composition root counts
 * jobs requested by trigger). The creators ({@code RequestSyncJob}, {@code SyncScheduler}) call it
 * once the job is committed, so a job rolled back with its group (a failed send, an idempotency key
 * found taken) is not counted. Must be quick and must not throw.
 */
@FunctionalInterface
public interface JobRequests {
  /** Listens to nothing. */
  JobRequests IGNORED = trigger -> {};

  void requested(JobTrigger trigger);
}
