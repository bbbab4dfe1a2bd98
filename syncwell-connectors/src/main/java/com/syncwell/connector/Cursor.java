package com.syncwell.connector;

import java.util.Objects;

/** An opaque position in a provider's change listing; only the connector that made it reads it. */
public record Cursor(String value) {
  public Cursor {
    Objects.requireNonNull(value, "value");
  }
}
