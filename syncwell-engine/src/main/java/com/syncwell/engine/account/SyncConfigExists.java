package com.syncwell.engine.account;

import java.util.Objects;

/**
 * The caller already has a scheduled sync config for the same source, destination and data type.
 *
 * @param configId that config
 */
public record SyncConfigExists(String configId) implements Refusal, CreateSyncConfigOutcome {
  public SyncConfigExists {
    Objects.requireNonNull(configId, "configId");
  }

  @Override
  public String code() {
    return "sync_config_exists";
  }
}
