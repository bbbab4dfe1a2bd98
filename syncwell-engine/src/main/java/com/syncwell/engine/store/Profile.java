package com.syncwell.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's profile and settings, as stored under {@code USER#{userId}} / {@code PROFILE}.
 *
 * @param version the item version, for the next version-checked write
 */
public record Profile(
    String userId,
    Tier tier,
    UserSettings settings,
    Instant createdAt,
    Instant updatedAt,
    long version) {
  public Profile {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  @Override
  public String toString() {
    return "Profile[" + tier + ", " + settings + ", v" + version + "]";
  }
}
