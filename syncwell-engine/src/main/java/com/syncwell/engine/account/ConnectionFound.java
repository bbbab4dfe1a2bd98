package com.syncwell.engine.account;

import com.syncwell.engine.store.Connection;
import java.util.Objects;

/** The caller's connection. */
public record ConnectionFound(Connection connection) implements GetConnectionOutcome {
  public ConnectionFound {
    Objects.requireNonNull(connection, "connection");
  }
}
