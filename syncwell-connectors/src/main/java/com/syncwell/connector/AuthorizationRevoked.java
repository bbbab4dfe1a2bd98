package com.syncwell.connector;

/**
 * The provider no longer accepts this connection's grant (refresh failed with {@code
 * invalid_grant}, or a 401 after a fresh token). The user must connect again.
 */
public final class AuthorizationRevoked extends ProviderException {
  private static final long serialVersionUID = 1L;

  public AuthorizationRevoked(String provider, String message) {
    super(provider, message, null);
  }
}
