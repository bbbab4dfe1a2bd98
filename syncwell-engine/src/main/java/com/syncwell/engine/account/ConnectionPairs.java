package com.syncwell.engine.account;

import com.syncwell.connector.Connector;
import com.syncwell.connector.ProviderDescription;
import com.syncwell.domain.DataType;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionStatus;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.sync.ConnectorRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a data type can be synced from one of a user's connections to another: both exist in the
 * user's partition and are ACTIVE, they differ, the source's provider reads the type, and the
 * destination's provider writes it and reads it back (the engine lists the destination to find
 * duplicates and conflicts).
 */
final class ConnectionPairs {
  private final ConnectionStore connections;
  private final ConnectorRegistry connectors;

  ConnectionPairs(ConnectionStore connections, ConnectorRegistry connectors) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.connectors = Objects.requireNonNull(connectors, "connectors");
  }

  /** Empty when the pair can sync {@code type}; else the first reason it cannot. */
  Optional<PairRefusal> refusal(
      String userId, String sourceConnectionId, String destinationConnectionId, DataType type) {
    if (Objects.equals(sourceConnectionId, destinationConnectionId)) {
      return Optional.of(new SameConnection());
    }
    List<String> ids =
        Stream.of(sourceConnectionId, destinationConnectionId).filter(FieldRules::isId).toList();
    Map<String, Connection> found = ids.isEmpty() ? Map.of() : connections.getAll(userId, ids);
    Connection source;
    switch (usable(found, sourceConnectionId)) {
      case Usable u -> source = u.connection();
      case Refused r -> {
        return Optional.of(r.refusal());
      }
    }
    Connection destination;
    switch (usable(found, destinationConnectionId)) {
      case Usable u -> destination = u.connection();
      case Refused r -> {
        return Optional.of(r.refusal());
      }
    }
    Optional<ProviderDescription> from = describe(source.provider());
    if (from.isEmpty() || !from.get().readable().contains(type)) {
      return Optional.of(new DataTypeNotReadable(source.provider(), type));
    }
    Optional<ProviderDescription> to = describe(destination.provider());
    if (to.isEmpty()
        || !to.get().writable().contains(type)
        || !to.get().readable().contains(type)) {
      return Optional.of(new DataTypeNotWritable(destination.provider(), type));
    }
    return Optional.empty();
  }

  private sealed interface Check permits Usable, Refused {}

  private record Usable(Connection connection) implements Check {}

  private record Refused(PairRefusal refusal) implements Check {}

  private static Check usable(Map<String, Connection> found, String connectionId) {
    Connection c = found.get(connectionId);
    if (c == null) {
      return new Refused(new ConnectionNotFound(connectionId));
    }
    if (c.status() != ConnectionStatus.ACTIVE) {
      return new Refused(new ConnectionNotUsable(connectionId, c.status()));
    }
    return new Usable(c);
  }

  private Optional<ProviderDescription> describe(String provider) {
    return connectors.forProvider(provider).map(Connector::describe);
  }
}
