package com.syncwell.engine.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's profile and settings, as stored under {@code USER#{userId}} / {@code PROFILE}.
 *
 * @param erasingSince when an account erasure began, while one is under way (the profile is the
 *     erasure's marker and is deleted last); empty otherwise
 * @param version the item version, for the next version-checked write
 */
public record Profile(
    String userId,
    Tier tier,
    UserSettings settings,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> erasingSince,
    long version) {
  public Profile {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(erasingSince, "erasingSince");
  }

  /** True while an erasure of the account is under way (or was interrupted and must be rerun). */
  public boolean isBeingErased() {
    return erasingSince.isPresent();
  }

  @Override
  public String toString() {
    return "Profile["
        + tier
        + ", "
        + settings
        + (isBeingErased() ? ", being erased" : "")
        + ", v"
        + version
        + "]";
  }
}
