package com.syncwell.engine.store;

import com.syncwell.domain.ConflictStrategy;
import java.util.Objects;

/**
 * What a user chose for their account.
 *
 * @param defaultConflictStrategy the strategy a new sync config gets when its request names none
 * @param notificationsEnabled whether the user wants to be told about failed syncs and connections
 *     that need authorizing again
 */
public record UserSettings(ConflictStrategy defaultConflictStrategy, boolean notificationsEnabled) {
  /** {@code source_wins}, notifications on. */
  public static final UserSettings DEFAULT = new UserSettings(ConflictStrategy.SOURCE_WINS, true);

  public UserSettings {
    Objects.requireNonNull(defaultConflictStrategy, "defaultConflictStrategy");
  }

  public UserSettings withDefaultConflictStrategy(ConflictStrategy strategy) {
    return new UserSettings(strategy, notificationsEnabled);
  }

  public UserSettings withNotificationsEnabled(boolean on) {
    return new UserSettings(defaultConflictStrategy, on);
  }
}
