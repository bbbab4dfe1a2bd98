package com.syncwell.engine.account;

import com.syncwell.engine.store.SyncConfig;
import java.util.Objects;

/** The config is stored, enabled and due now (the scheduler picks it up on its next pass). */
public record SyncConfigCreated(SyncConfig config) implements CreateSyncConfigOutcome {
  public SyncConfigCreated {
    Objects.requireNonNull(config, "config");
  }
}
