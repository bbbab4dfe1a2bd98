package com.syncwell.engine.account;

import com.syncwell.engine.store.SyncConfig;
import java.util.Objects;

/** The config after the change; its {@code version} is the new ETag. */
public record SyncConfigUpdated(SyncConfig config) implements UpdateSyncConfigOutcome {
  public SyncConfigUpdated {
    Objects.requireNonNull(config, "config");
  }
}
