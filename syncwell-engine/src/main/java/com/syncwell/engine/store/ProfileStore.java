package com.syncwell.engine.store;

import com.syncwell.domain.ConflictStrategy;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.AttributeValue;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.ItemUpdate;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.StoredItem;
import com.syncwell.engine.port.table.UpdateOutcome;
import com.syncwell.engine.port.table.Written;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Profiles ({@code USER#{userId}} / {@code PROFILE}, ARCHITECTURE.md §5): when the user first came,
 * their tier (FREE until billing says otherwise) and their settings.
 *
 * <p>A profile is created on first use with put-if-absent, so two first requests of the same user
 * racing each other end up with one profile, the same for both. Settings change with
 * version-checked writes.
 */
public final class ProfileStore {
  private static final String KIND = "profile";
  private static final String SORT_KEY = "PROFILE";
  private static final int MAX_ATTEMPTS = 5;

  private final MetadataTable table;
  private final Clock clock;

  public ProfileStore(MetadataTable table, Clock clock) {
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The profile, if the user has one. */
  public Optional<Profile> get(String userId) {
    return table.get(key(userId)).map(ProfileStore::read);
  }

  /**
   * The user's profile, created (FREE, {@link UserSettings#DEFAULT}) when there is none yet. Safe
   * to race: of two first calls one creates the profile and both return it.
   */
  public Profile getOrCreate(String userId) {
    ItemKey key = key(userId);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<StoredItem> existing = table.get(key);
      if (existing.isPresent()) {
        return read(existing.get());
      }
      Instant now = clock.instant();
      Item item =
          Item.builder(key)
              .set("kind", "PROFILE")
              .set("userId", userId)
              .set("tier", Tier.FREE.name())
              .set(
                  "defaultConflictStrategy",
                  UserSettings.DEFAULT.defaultConflictStrategy().wireName())
              .set("notificationsEnabled", UserSettings.DEFAULT.notificationsEnabled())
              .set("createdAt", now.toString())
              .set("updatedAt", now.toString())
              .build();
      if (table.putIfAbsent(item) instanceof Written written) {
        return read(new StoredItem(item, written.version()));
      }
      // Another request created it in between: read that one.
    }
    throw new StorageFailure("a profile could neither be read nor created", null);
  }

  /** Replaces the settings if the profile is at {@code expectedVersion}. */
  public UpdateOutcome updateSettingsIfVersion(
      String userId, UserSettings settings, long expectedVersion) {
    Objects.requireNonNull(settings, "settings");
    return table.updateIfVersion(
        key(userId),
        expectedVersion,
        ItemUpdate.builder()
            .set("defaultConflictStrategy", settings.defaultConflictStrategy().wireName())
            .set("notificationsEnabled", AttributeValue.of(settings.notificationsEnabled()))
            .set("updatedAt", clock.instant().toString())
            .build());
  }

  private static ItemKey key(String userId) {
    return ItemKey.of(UserKeys.partition(userId), SORT_KEY);
  }

  private static Profile read(StoredItem stored) {
    StoredAttributes a = new StoredAttributes(stored.item(), KIND);
    ConflictStrategy strategy =
        ConflictStrategy.fromWireName(a.string("defaultConflictStrategy"))
            .orElseThrow(
                () -> new IllegalStateException("a stored profile has an unknown strategy"));
    return new Profile(
        a.string("userId"),
        a.enumValue("tier", Tier.class),
        new UserSettings(strategy, a.bool("notificationsEnabled")),
        a.instant("createdAt"),
        a.instant("updatedAt"),
        stored.version());
  }
}
