package com.syncwell.app.config;

import java.util.Objects;

/** A secret setting; its string form never shows the value. */
public record Secret(String value) {
  public Secret {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
