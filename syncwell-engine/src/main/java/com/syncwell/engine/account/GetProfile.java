package com.syncwell.engine.account;

import com.syncwell.engine.store.Profile;
import com.syncwell.engine.store.ProfileStore;
import java.util.Objects;

/**
 * {@code GET /v1/users/me}: the caller's profile, created (FREE, default settings) on the first
 * call. Idempotent and safe to race: concurrent first calls create one profile and all return it.
 */
public final class GetProfile {
  private final ProfileStore profiles;

  public GetProfile(ProfileStore profiles) {
    this.profiles = Objects.requireNonNull(profiles, "profiles");
  }

  /**
   * @param userId the caller, from the token
   */
  public Profile get(String userId) {
    return profiles.getOrCreate(userId);
  }
}
