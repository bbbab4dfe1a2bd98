package com.syncwell.engine.account;

import com.syncwell.engine.store.Profile;
import java.util.Objects;

/** The settings were stored; {@code profile} is the profile after the change. */
public record SettingsUpdated(Profile profile) implements UpdateSettingsOutcome {
  public SettingsUpdated {
    Objects.requireNonNull(profile, "profile");
  }
}
