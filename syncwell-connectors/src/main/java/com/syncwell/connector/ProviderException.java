package com.syncwell.connector;

import java.util.Objects;

/**
 * A provider call failed. The subtype says what to do: {@link RateLimited} wait and retry (not a
 * failure), {@link Transient} retry with backoff, {@link AuthorizationRevoked} stop and ask the
 * user to connect again, {@link Permanent} give up on this request or record. Messages never hold
 * tokens or health values.
 */
public abstract sealed class ProviderException extends RuntimeException
    permits RateLimited, Transient, AuthorizationRevoked, Permanent {
  private static final long serialVersionUID = 1L;
  private final String provider;

  protected ProviderException(String provider, String message, Throwable cause) {
    super(provider + ": " + message, cause);
    this.provider = Objects.requireNonNull(provider, "provider");
  }

  public String provider() {
    return provider;
  }
}
