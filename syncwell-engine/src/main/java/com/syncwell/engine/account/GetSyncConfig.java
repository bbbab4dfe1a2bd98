package com.syncwell.engine.account;

import com.syncwell.engine.store.SyncConfigStore;
import java.util.Objects;

/**
 * {@code GET /v1/sync-configs/{id}}: one of the caller's configs. Reads only the caller's
 * partition, so another user's config id is {@link SyncConfigNotFound}, as a missing one is.
 */
public final class GetSyncConfig {
  private final SyncConfigStore configs;

  public GetSyncConfig(SyncConfigStore configs) {
    this.configs = Objects.requireNonNull(configs, "configs");
  }

  /**
   * @param userId the caller, from the token
   * @param configId as received; a malformed one is not found
   */
  public GetSyncConfigOutcome get(String userId, String configId) {
    Objects.requireNonNull(userId, "userId");
    if (!FieldRules.isId(configId)) {
      return new SyncConfigNotFound(configId);
    }
    return configs
        .get(userId, configId)
        .<GetSyncConfigOutcome>map(SyncConfigFound::new)
        .orElseGet(() -> new SyncConfigNotFound(configId));
  }
}
