package com.syncwell.connector;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The tokens of one connection. A provider may rotate the refresh token on every refresh: the
 * newest set must be persisted before its access token is used. {@link #toString()} never shows a
 * token.
 *
 * @param providerUserId the user's id at the provider (Strava athlete id, Google healthUserId),
 *     when the token response carries it
 */
public record TokenSet(
    String accessToken,
    Optional<String> refreshToken,
    Instant expiresAt,
    Set<String> scopes,
    Optional<String> providerUserId) {

  public TokenSet {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(expiresAt, "expiresAt");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(providerUserId, "providerUserId");
  }

  /** True when the access token expires within {@code margin} of {@code now}. */
  public boolean expiresWithin(java.time.Duration margin, Instant now) {
    return !expiresAt.isAfter(now.plus(margin));
  }

  /**
   * This set after a refresh that returned {@code refreshed}: keeps the old refresh token when the
   * new set has none.
   */
  public TokenSet renewedWith(TokenSet refreshed) {
    return new TokenSet(
        refreshed.accessToken(),
        refreshed.refreshToken().or(() -> refreshToken),
        refreshed.expiresAt(),
        refreshed.scopes().isEmpty() ? scopes : refreshed.scopes(),
        refreshed.providerUserId().or(() -> providerUserId));
  }

  @Override
  public String toString() {
    return "TokenSet[expiresAt=" + expiresAt + ", scopes=" + scopes + ", tokens=****]";
  }
}
