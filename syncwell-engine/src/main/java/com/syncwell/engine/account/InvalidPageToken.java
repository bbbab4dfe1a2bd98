package com.syncwell.engine.account;

/** The page token is malformed, or was issued for another listing (another user's among them). */
public record InvalidPageToken() implements Refusal, ListSyncJobsOutcome {
  @Override
  public String code() {
    return "invalid_page_token";
  }
}
