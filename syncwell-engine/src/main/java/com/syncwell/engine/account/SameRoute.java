package com.syncwell.engine.account;

import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigSpec;
import java.util.List;
import java.util.Optional;

/** Finds a user's config that moves the same data type from the same source to the same sink. */
final class SameRoute {
  private SameRoute() {}

  /** The oldest of {@code configs} with the route of {@code spec}, if any. */
  static Optional<SyncConfig> find(List<SyncConfig> configs, SyncConfigSpec spec) {
    return configs.stream()
        .filter(
            c ->
                c.spec().sourceConnectionId().equals(spec.sourceConnectionId())
                    && c.spec().destinationConnectionId().equals(spec.destinationConnectionId())
                    && c.spec().dataType() == spec.dataType())
        .findFirst();
  }
}
