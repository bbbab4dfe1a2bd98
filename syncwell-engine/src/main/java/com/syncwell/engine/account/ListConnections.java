package com.syncwell.engine.account;

import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionStore;
import java.util.List;
import java.util.Objects;

/** {@code GET /v1/connections}: the caller's connections, oldest first. */
public final class ListConnections {
  private final ConnectionStore connections;

  public ListConnections(ConnectionStore connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * @param userId the caller, from the token
   */
  public List<Connection> list(String userId) {
    return connections.listByUser(userId);
  }
}
