package com.syncwell.engine.account;

/** The caller has no sync config with this id (another user's counts as none). */
public record SyncConfigNotFound(String configId)
    implements Refusal,
        GetSyncConfigOutcome,
        UpdateSyncConfigOutcome,
        DeleteSyncConfigOutcome,
        RequestSyncOutcome {
  @Override
  public String code() {
    return "sync_config_not_found";
  }
}
