package com.syncwell.engine.account;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.Deleted;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigStore;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code DELETE /v1/sync-configs/{id}}, with or without {@code If-Match}. With an expected version
 * the delete happens only at that version ({@link VersionMismatch} otherwise); without one it is
 * retried over concurrent changes (the scheduler's claims). A job of the config still queued is
 * cancelled by the worker that picks it up (the config is gone).
 */
public final class DeleteSyncConfig {
  private static final int MAX_ATTEMPTS = 5;

  private final SyncConfigStore configs;

  public DeleteSyncConfig(SyncConfigStore configs) {
    this.configs = Objects.requireNonNull(configs, "configs");
  }

  /**
   * @param userId the caller, from the token
   * @param configId as received; a malformed one is not found
   * @param expectedVersion the ETag of {@code If-Match}, when given
   * @throws StorageFailure when the store fails or, without an expected version, the config kept
   *     changing under every attempt
   */
  public DeleteSyncConfigOutcome delete(
      String userId, String configId, OptionalLong expectedVersion) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(expectedVersion, "expectedVersion");
    if (!FieldRules.isId(configId)) {
      return new SyncConfigNotFound(configId);
    }
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<SyncConfig> found = configs.get(userId, configId);
      if (found.isEmpty()) {
        return new SyncConfigNotFound(configId);
      }
      long revision = found.get().revision();
      if (expectedVersion.isPresent() && expectedVersion.getAsLong() != revision) {
        return new VersionMismatch(revision);
      }
      if (configs.delete(userId, configId, found.get().version()) instanceof Deleted) {
        return new SyncConfigDeleted();
      }
    }
    throw new StorageFailure("a sync config kept changing while it was being deleted", null);
  }
}
