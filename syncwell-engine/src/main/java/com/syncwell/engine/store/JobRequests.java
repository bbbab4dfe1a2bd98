package com.syncwell.engine.store;

/**
 * Told of every job {@link JobStore} creates, with what triggered it (a metrics port: the
 * composition root counts jobs requested by trigger). Called on the creating thread after the job
 * item is written; must be quick and must not throw.
 */
@FunctionalInterface
public interface JobRequests {
  /** Listens to nothing. */
  JobRequests IGNORED = trigger -> {};

  void requested(JobTrigger trigger);
}
