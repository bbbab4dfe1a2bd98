package com.syncwell.engine.account;

import com.syncwell.engine.store.Job;
import java.util.Objects;

/** The caller's sync job. */
public record SyncJobFound(Job job) implements GetSyncJobOutcome {
  public SyncJobFound {
    Objects.requireNonNull(job, "job");
  }
}
