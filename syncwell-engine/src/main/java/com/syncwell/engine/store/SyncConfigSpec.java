package com.syncwell.engine.store;

import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sync config says, as the user edits it: move {@code dataType} from the source connection
 * to the destination connection, resolving conflicts by {@code strategy}.
 *
 * @param tier the user's plan tier for sampling and priorities, when known
 * @param nextDueAt when the scheduler should next run it; empty: not scheduled
 */
public record SyncConfigSpec(
    String sourceConnectionId,
    String destinationConnectionId,
    DataType dataType,
    ConflictStrategy strategy,
    boolean enabled,
    Optional<String> tier,
    Optional<Instant> nextDueAt) {
  public SyncConfigSpec {
    UserKeys.requireId("source connection id", sourceConnectionId);
    UserKeys.requireId("destination connection id", destinationConnectionId);
    Objects.requireNonNull(dataType, "dataType");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(nextDueAt, "nextDueAt");
  }

  public SyncConfigSpec withNextDueAt(Optional<Instant> at) {
    return new SyncConfigSpec(
        sourceConnectionId, destinationConnectionId, dataType, strategy, enabled, tier, at);
  }

  public SyncConfigSpec withEnabled(boolean on) {
    return new SyncConfigSpec(
        sourceConnectionId, destinationConnectionId, dataType, strategy, on, tier, nextDueAt);
  }
}
