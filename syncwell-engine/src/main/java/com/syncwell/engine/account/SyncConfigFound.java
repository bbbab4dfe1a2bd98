package com.syncwell.engine.account;

import com.syncwell.engine.store.SyncConfig;
import java.util.Objects;

/** The caller's sync config; its {@code version} is the ETag. */
public record SyncConfigFound(SyncConfig config) implements GetSyncConfigOutcome {
  public SyncConfigFound {
    Objects.requireNonNull(config, "config");
  }
}
