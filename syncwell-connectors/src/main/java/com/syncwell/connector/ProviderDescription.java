package com.syncwell.connector;

import com.syncwell.domain.DataType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a provider offers: its id and name, the data types SyncWell can read and write there,
 * whether it pushes webhooks, the OAuth scopes it asks for and its rate limits.
 */
public record ProviderDescription(
    String id,
    String displayName,
    Set<DataType> readable,
    Set<DataType> writable,
    boolean webhooks,
    List<String> scopes,
    List<RateWindow> rateLimits) {

  public ProviderDescription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    readable = Set.copyOf(readable);
    writable = Set.copyOf(writable);
    scopes = List.copyOf(scopes);
    rateLimits = List.copyOf(rateLimits);
  }
}
