package com.syncwell.engine.store;

import com.syncwell.domain.ConflictStrategy;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.AttributeValue;
import com.syncwell.engine.port.table.DeleteOutcome;
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
 *
 * <p>An account erasure marks the profile first ({@link #markBeingErased}) and deletes it last, so
 * the mark is visible to every request while the erasure runs, and survives a crash midway until
 * the erasure is run again. After that, {@link #getOrCreate} starts a new, empty account.
 */
public final class ProfileStore {
  private static final String KIND = "profile";
  private static final String SORT_KEY = "PROFILE";
  private static final int MAX_ATTEMPTS = 5;
  private static final String ERASING_SINCE = "erasingSince";

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
      Item item = fresh(key, userId, clock.instant()).build();
      if (table.putIfAbsent(item) instanceof Written written) {
        return read(new StoredItem(item, written.version()));
      }
      // Another request created it in between: read that one.
    }
    throw new StorageFailure("a profile could neither be read nor created", null);
  }

  /**
   * Marks the account as being erased ({@code erasingSince} = now), creating a marked profile when
   * there is none, and returns the marked profile. A profile marked already keeps its first mark.
   * Safe to race: of two callers, both end up with the same marked profile.
   */
  public Profile markBeingErased(String userId) {
    ItemKey key = key(userId);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<StoredItem> existing = table.get(key);
      Instant now = clock.instant();
      if (existing.isEmpty()) {
        Item item = fresh(key, userId, now).set(ERASING_SINCE, now.toString()).build();
        if (table.putIfAbsent(item) instanceof Written written) {
          return read(new StoredItem(item, written.version()));
        }
        continue;
      }
      Profile current = read(existing.get());
      if (current.isBeingErased()) {
        return current;
      }
      ItemUpdate mark = ItemUpdate.builder().set(ERASING_SINCE, now.toString()).build();
      if (table.updateIfVersion(key, current.version(), mark) instanceof Written written) {
        return read(new StoredItem(mark.applyTo(existing.get().item()), written.version()));
      }
    }
    throw new StorageFailure("a profile could not be marked as being erased", null);
  }

  /** Deletes the profile if it is at {@code expectedVersion}: the last step of an erasure. */
  public DeleteOutcome deleteIfVersion(String userId, long expectedVersion) {
    return table.deleteIfVersion(key(userId), expectedVersion);
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

  private static Item.Builder fresh(ItemKey key, String userId, Instant now) {
    return Item.builder(key)
        .set("kind", "PROFILE")
        .set("userId", userId)
        .set("tier", Tier.FREE.name())
        .set("defaultConflictStrategy", UserSettings.DEFAULT.defaultConflictStrategy().wireName())
        .set("notificationsEnabled", UserSettings.DEFAULT.notificationsEnabled())
        .set("createdAt", now.toString())
        .set("updatedAt", now.toString());
  }

  static ItemKey key(String userId) {
    return ItemKey.of(UserKeys.partition(userId), SORT_KEY);
  }

  static Profile read(StoredItem stored) {
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
        a.optionalInstant(ERASING_SINCE),
        stored.version());
  }
}
