package com.syncwell.engine.account;

import java.util.Objects;
import java.util.Optional;

/** What {@code PATCH /v1/sync-configs/{id}} changes; an absent field keeps its value. */
public record SyncConfigChange(Optional<String> strategy, Optional<Boolean> enabled) {
  public SyncConfigChange {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(enabled, "enabled");
  }
}
