package com.syncwell.engine.account;

import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.ResultPage;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /v1/sync-jobs}: one page of the caller's jobs of the last 30 days, newest first. Page
 * tokens are the store's: opaque, valid only for the same listing of the same user, so a token that
 * is malformed or was issued to another user is {@link InvalidPageToken}, never an error.
 */
public final class ListSyncJobs {
  /** Largest page. */
  public static final int MAX_LIMIT = 100;

  private static final int MAX_TOKEN_LENGTH = 2048;

  private final JobStore jobs;

  public ListSyncJobs(JobStore jobs) {
    this.jobs = Objects.requireNonNull(jobs, "jobs");
  }

  /**
   * @param userId the caller, from the token
   * @param limit 1 to {@link #MAX_LIMIT}
   * @param pageToken the {@code nextPageToken} of the previous page, as received
   */
  public ListSyncJobsOutcome list(String userId, int limit, Optional<String> pageToken) {
    Objects.requireNonNull(pageToken, "pageToken");
    if (!FieldRules.isId(userId)) {
      throw new IllegalArgumentException("not a user id");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      return new InvalidField("limit", "must be 1 to " + MAX_LIMIT);
    }
    if (pageToken.isPresent()
        && (pageToken.get().isEmpty() || pageToken.get().length() > MAX_TOKEN_LENGTH)) {
      return new InvalidPageToken();
    }
    ResultPage<Job> page;
    try {
      page = jobs.listByUser(userId, limit, pageToken);
    } catch (IllegalArgumentException malformedToken) {
      // Every other argument was checked above; the table refuses the token this way.
      return new InvalidPageToken();
    }
    return new SyncJobPage(page.items(), page.nextPageToken());
  }
}
