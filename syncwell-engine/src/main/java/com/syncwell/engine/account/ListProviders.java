package com.syncwell.engine.account;

import com.syncwell.connector.Connector;
import com.syncwell.connector.ProviderDescription;
import com.syncwell.domain.DataType;
import com.syncwell.engine.sync.ConnectorRegistry;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /v1/providers}: the providers this deployment has connectors for, sorted by id, each
 * with its data types sorted by wire name, so the answer is the same on every call and every
 * instance. Reads nothing but the connectors' descriptions; safe for concurrent use.
 */
public final class ListProviders {
  private final ConnectorRegistry connectors;

  public ListProviders(ConnectorRegistry connectors) {
    this.connectors = Objects.requireNonNull(connectors, "connectors");
  }

  public List<ProviderInfo> list() {
    return connectors.byProvider().values().stream()
        .map(Connector::describe)
        .sorted(Comparator.comparing(ProviderDescription::id))
        .map(
            d ->
                new ProviderInfo(
                    d.id(), d.displayName(), sorted(d.readable()), sorted(d.writable())))
        .toList();
  }

  private static List<DataType> sorted(Collection<DataType> types) {
    return types.stream().sorted(Comparator.comparing(DataType::wireName)).toList();
  }
}
