package com.syncwell.engine.account;

import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.SyncConfig;
import java.util.Objects;

/** A QUEUED job of {@code config} was created and its message sent. */
public record SyncRequested(Job job, SyncConfig config) implements RequestSyncOutcome {
  public SyncRequested {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(config, "config");
  }
}
