package com.syncwell.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored sync config ({@code USER#{userId}} / {@code CONFIG#{configId}}).
 *
 * @param revision the user's edit count, its ETag: moves only when the user changes the config,
 *     never when the scheduler claims a due slot, so an {@code If-Match} stays valid between edits
 * @param version the item version, which every write moves (schedule claims too); for the next
 *     version-checked write
 */
public record SyncConfig(
    String configId,
    String userId,
    SyncConfigSpec spec,
    Instant createdAt,
    Instant updatedAt,
    long revision,
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
    return "SyncConfig[" + configId + ", " + spec + ", r" + revision + ", v" + version + "]";
  }
}
