package com.syncwell.engine.account;

import com.syncwell.engine.store.ConnectionStore;
import java.util.Objects;

/**
 * {@code GET /v1/connections/{id}}: one of the caller's connections. Reads only the caller's
 * partition, so another user's connection id is {@link ConnectionNotFound}, as a missing one is.
 */
public final class GetConnection {
  private final ConnectionStore connections;

  public GetConnection(ConnectionStore connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * @param userId the caller, from the token
   * @param connectionId as received; a malformed one is not found
   */
  public GetConnectionOutcome get(String userId, String connectionId) {
    Objects.requireNonNull(userId, "userId");
    if (!FieldRules.isId(connectionId)) {
      return new ConnectionNotFound(connectionId);
    }
    return connections
        .get(userId, connectionId)
        .<GetConnectionOutcome>map(ConnectionFound::new)
        .orElseGet(() -> new ConnectionNotFound(connectionId));
  }
}
