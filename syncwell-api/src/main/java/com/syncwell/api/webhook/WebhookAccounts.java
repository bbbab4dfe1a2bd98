package com.syncwell.api.webhook;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.UpdateOutcome;
import com.syncwell.engine.port.table.Written;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionStatus;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.store.ProviderAccountOwner;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The receivers' view of connections: the connection a provider account routes to, and its
 * version-checked status changes.
 */
final class WebhookAccounts {
  private static final int MAX_ATTEMPTS = 5;

  private final ConnectionStore connections;

  WebhookAccounts(ConnectionStore connections) {
    this.connections = Objects.requireNonNull(connections, "connections");
  }

  /**
   * The connection that owns {@code providerUserId} at {@code provider}, loaded and checked against
   * the owner item (which can outlive its connection); empty for an unknown or unusable id.
   */
  Optional<Connection> connectionOf(String provider, String providerUserId) {
    Optional<ProviderAccountOwner> owner;
    try {
      owner = connections.findOwner(provider, providerUserId);
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
    return owner
        .flatMap(o -> connections.get(o.userId(), o.connectionId()))
        .filter(c -> c.provider().equals(provider))
        .filter(c -> c.providerUserId().equals(providerUserId));
  }

  /** Sets NEEDS_REAUTH unless the connection is already not ACTIVE; true when it changed it. */
  boolean markNeedsReauth(Connection connection) {
    return change(
        connection,
        c -> c.status() == ConnectionStatus.ACTIVE,
        c -> connections.markNeedsReauth(c.userId(), c.connectionId(), c.version()));
  }

  /** Sets REVOKED unless it already is; true when it changed it. */
  boolean markRevoked(Connection connection) {
    return change(
        connection,
        c -> c.status() != ConnectionStatus.REVOKED,
        c -> connections.markRevoked(c.userId(), c.connectionId(), c.version()));
  }

  private boolean change(
      Connection read, Predicate<Connection> applies, Function<Connection, UpdateOutcome> write) {
    Connection current = read;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (!applies.test(current)) {
        return false;
      }
      if (write.apply(current) instanceof Written) {
        return true;
      }
      Optional<Connection> again = connections.get(current.userId(), current.connectionId());
      if (again.isEmpty()) {
        return false;
      }
      current = again.get();
    }
    throw new StorageFailure("too much contention changing a connection's status", null);
  }
}
