package com.syncwell.app.demo;

import com.syncwell.engine.sync.JobRun;
import com.syncwell.engine.sync.JobRunner;
import com.syncwell.engine.sync.SyncJobMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link JobRunner} in front of the real one that completes a future when a job's run comes to an
 * end, so the demo waits for its jobs without polling. Retriable failures propagate as usual (the
 * workers re-deliver the message) and complete nothing.
 */
final class CompletionSignals implements JobRunner {
  private final JobRunner delegate;
  private final ConcurrentMap<String, CompletableFuture<JobRun>> runs = new ConcurrentHashMap<>();

  CompletionSignals(JobRunner delegate) {
    this.delegate = delegate;
  }

  /** The future of a job's end; ask before its message is sent. */
  CompletableFuture<JobRun> endOf(String jobId) {
    return runs.computeIfAbsent(jobId, id -> new CompletableFuture<>());
  }

  @Override
  public JobRun run(SyncJobMessage message, String workerId) {
    JobRun run = delegate.run(message, workerId);
    endOf(message.jobId()).complete(run);
    return run;
  }
}
