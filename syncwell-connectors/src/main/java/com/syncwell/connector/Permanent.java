package com.syncwell.connector;

/**
 * This request or this record will never succeed as it is (malformed payload, 4xx other than
 * 401/429, unsupported content). Fails that record alone.
 */
public final class Permanent extends ProviderException {
  private static final long serialVersionUID = 1L;

  public Permanent(String provider, String message, Throwable cause) {
    super(provider, message, cause);
  }
}
