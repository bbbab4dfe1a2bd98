package com.syncwell.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored sync config ({@code USER#{userId}} / {@code CONFIG#{configId}}); {@code version} is its
 * ETag.
 */
public record SyncConfig(
    String configId,
    String userId,
    SyncConfigSpec spec,
    Instant createdAt,
    Instant updatedAt,
    long version) {
  public SyncConfig {
    Objects.requireNonNull(configId, "configId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  @Override
  public String toString() {
    return "SyncConfig[" + configId + ", " + spec + ", v" + version + "]";
  }
}
