package com.syncwell.app.cli;

import com.syncwell.app.config.Settings;
import java.util.Objects;

/** What every command receives: the validated settings. Filled in before a command runs. */
public final class Startup {
  private Settings settings;

  void settings(Settings validated) {
    this.settings = Objects.requireNonNull(validated);
  }

  public Settings settings() {
    if (settings == null) {
      throw new IllegalStateException("settings are read before a command runs");
    }
    return settings;
  }
}
