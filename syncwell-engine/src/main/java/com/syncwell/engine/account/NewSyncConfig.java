package com.syncwell.engine.account;

import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code POST /v1/sync-configs}, as received: the use case validates every field (a
 * missing required one may be null).
 *
 * @param dataType {@code workout}, {@code steps}, {@code sleep_session}, {@code weight} or {@code
 *     heart_rate}
 * @param strategy a conflict strategy; absent: the user's default
 * @param enabled absent: enabled
 */
public record NewSyncConfig(
    String sourceConnectionId,
    String destinationConnectionId,
    String dataType,
    Optional<String> strategy,
    Optional<Boolean> enabled) {
  public NewSyncConfig {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(enabled, "enabled");
  }
}
