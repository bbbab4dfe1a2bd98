package com.syncwell.engine.account;

/**
 * The resource is no longer at the version the caller expected (its ETag is stale); nothing was
 * changed. Read it again and decide.
 *
 * @param currentVersion the version it is at now
 */
public record VersionMismatch(long currentVersion)
    implements Refusal, UpdateSyncConfigOutcome, DeleteSyncConfigOutcome {
  @Override
  public String code() {
    return "version_mismatch";
  }
}
