package com.syncwell.engine.sync;

import com.syncwell.connector.Connector;
import java.util.Map;
import java.util.Optional;

/** The connectors the composition root wired, by provider id ({@code fitbit}, {@code strava}). */
public record ConnectorRegistry(Map<String, Connector> byProvider) {
  public ConnectorRegistry {
    byProvider = Map.copyOf(byProvider);
  }

  public Optional<Connector> forProvider(String provider) {
    return Optional.ofNullable(byProvider.get(provider));
  }
}
