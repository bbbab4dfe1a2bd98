package com.syncwell.engine.account;

import com.syncwell.domain.ConflictStrategy;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.Written;
import com.syncwell.engine.store.Profile;
import com.syncwell.engine.store.ProfileStore;
import com.syncwell.engine.store.UserSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code PUT /v1/users/me/settings}: changes the caller's settings (creating the profile first when
 * needed). The write is version-checked and retried on a concurrent change of the profile, each
 * retry applying the change to what it reads again, so no concurrent change is lost. Idempotent:
 * the same change twice leaves the same settings. While the account is being erased: {@link
 * AccountBeingErased}.
 */
public final class UpdateSettings {
  private static final int MAX_ATTEMPTS = 5;

  private final ProfileStore profiles;

  public UpdateSettings(ProfileStore profiles) {
    this.profiles = Objects.requireNonNull(profiles, "profiles");
  }

  /**
   * @param userId the caller, from the token
   * @throws StorageFailure when the profile kept changing under every attempt
   */
  public UpdateSettingsOutcome update(String userId, SettingsChange change) {
    Objects.requireNonNull(change, "change");
    Optional<ConflictStrategy> strategy = Optional.empty();
    if (change.defaultConflictStrategy().isPresent()) {
      strategy = ConflictStrategy.fromWireName(change.defaultConflictStrategy().get());
      if (strategy.isEmpty()) {
        return new InvalidField(
            "defaultConflictStrategy", "must be one of " + FieldRules.STRATEGIES);
      }
    }
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Profile current = profiles.getOrCreate(userId);
      if (current.isBeingErased()) {
        return new AccountBeingErased();
      }
      UserSettings wanted = current.settings();
      if (strategy.isPresent()) {
        wanted = wanted.withDefaultConflictStrategy(strategy.get());
      }
      if (change.notificationsEnabled().isPresent()) {
        wanted = wanted.withNotificationsEnabled(change.notificationsEnabled().get());
      }
      if (wanted.equals(current.settings())) {
        return new SettingsUpdated(current);
      }
      if (profiles.updateSettingsIfVersion(userId, wanted, current.version()) instanceof Written) {
        return new SettingsUpdated(profiles.getOrCreate(userId));
      }
    }
    throw new StorageFailure("the profile kept changing while its settings were updated", null);
  }
}
