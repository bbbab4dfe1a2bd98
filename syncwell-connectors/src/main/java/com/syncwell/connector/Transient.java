package com.syncwell.connector;

/** A failure that may pass: 5xx, I/O, timeouts, an open circuit. Retry with backoff. */
public final class Transient extends ProviderException {
  private static final long serialVersionUID = 1L;

  public Transient(String provider, String message, Throwable cause) {
    super(provider, message, cause);
  }
}
