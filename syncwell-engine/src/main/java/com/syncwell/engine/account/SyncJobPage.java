package com.syncwell.engine.account;

import com.syncwell.engine.store.Job;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of the caller's jobs, newest first; {@code nextPageToken} when more may follow. */
public record SyncJobPage(List<Job> jobs, Optional<String> nextPageToken)
    implements ListSyncJobsOutcome {
  public SyncJobPage {
    jobs = List.copyOf(jobs);
    Objects.requireNonNull(nextPageToken, "nextPageToken");
  }
}
