package com.syncwell.engine.account;

import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigStore;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /v1/sync-configs}: the caller's sync configs, oldest first — scheduled ones and the
 * unscheduled ones ad-hoc {@link RequestSync} calls created (empty {@code nextDueAt}).
 */
public final class ListSyncConfigs {
  private final SyncConfigStore configs;

  public ListSyncConfigs(SyncConfigStore configs) {
    this.configs = Objects.requireNonNull(configs, "configs");
  }

  /**
   * @param userId the caller, from the token
   */
  public List<SyncConfig> list(String userId) {
    return configs.listByUser(userId);
  }
}
