package com.syncwell.connector;

/**
 * Persists a connection's new token set. Called after every refresh and before the new access token
 * is used, so a rotated refresh token is never lost.
 */
@FunctionalInterface
public interface TokenSink {
  void persist(TokenSet tokens);
}
