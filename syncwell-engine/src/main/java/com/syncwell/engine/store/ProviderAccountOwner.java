package com.syncwell.engine.store;

import java.util.Objects;

/**
 * Which user and connection a provider account belongs to: the {@code
 * PROVIDER#{provider}#{providerUserId}} / {@code OWNER} item, read to route webhooks.
 */
public record ProviderAccountOwner(String userId, String connectionId) {
  public ProviderAccountOwner {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(connectionId, "connectionId");
  }

  @Override
  public String toString() {
    return "ProviderAccountOwner[connection " + connectionId + "]";
  }
}
