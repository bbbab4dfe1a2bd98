package com.syncwell.app.bench;

import com.syncwell.engine.sync.JobRun;
import com.syncwell.engine.sync.JobRunner;
import com.syncwell.engine.sync.SyncJobMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link JobRunner} in front of the engine that completes a future when a job's run ends, so the
 * benchmark measures enqueue → end without polling. Retriable failures propagate (the workers
 * re-deliver) and complete nothing.
 */
final class JobEnds implements JobRunner {
  private final JobRunner delegate;
  private final ConcurrentMap<String, CompletableFuture<JobRun>> runs = new ConcurrentHashMap<>();

  JobEnds(JobRunner delegate) {
    this.delegate = delegate;
  }

  /** The future of a job's end; ask before its message is sent. Removed once taken. */
  CompletableFuture<JobRun> endOf(String jobId) {
    return runs.computeIfAbsent(jobId, id -> new CompletableFuture<>());
  }

  void forget(String jobId) {
    runs.remove(jobId);
  }

  @Override
  public JobRun run(SyncJobMessage message, String workerId) {
    JobRun run = delegate.run(message, workerId);
    endOf(message.jobId()).complete(run);
    return run;
  }
}
