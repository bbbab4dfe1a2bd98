package com.syncwell.engine.account;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link UpdateSettings} changes; an absent field keeps its value.
 *
 * @param defaultConflictStrategy {@code source_wins}, {@code dest_wins} or {@code newest_wins}
 */
public record SettingsChange(
    Optional<String> defaultConflictStrategy, Optional<Boolean> notificationsEnabled) {
  public SettingsChange {
    Objects.requireNonNull(defaultConflictStrategy, "defaultConflictStrategy");
    Objects.requireNonNull(notificationsEnabled, "notificationsEnabled");
  }
}
