package com.syncwell.engine.store;

import java.util.Objects;
import java.util.Optional;

/** A sync config and its owner's profile, as {@link SyncConfigStore#getWithProfile} read them. */
public record ConfigAndProfile(Optional<SyncConfig> config, Optional<Profile> profile) {
  public ConfigAndProfile {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(profile, "profile");
  }
}
