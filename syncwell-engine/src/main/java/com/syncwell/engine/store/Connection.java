package com.syncwell.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's link to one provider account, as stored under {@code USER#{userId}} / {@code
 * CONN#{connectionId}}.
 *
 * @param provider the provider id ({@code fitbit}, {@code strava}, ...)
 * @param providerUserId the user's id at the provider, which routes its webhooks here
 * @param tokens the encrypted token set; {@link ConnectionStore#tokens} decrypts it
 * @param version the item version, for the next version-checked write
 */
public record Connection(
    String connectionId,
    String userId,
    String provider,
    String providerUserId,
    ConnectionStatus status,
    SealedTokens tokens,
    Instant createdAt,
    Instant updatedAt,
    long version) {
  public Connection {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(providerUserId, "providerUserId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  @Override
  public String toString() {
    return "Connection[" + connectionId + ", " + provider + ", " + status + ", v" + version + "]";
  }
}
