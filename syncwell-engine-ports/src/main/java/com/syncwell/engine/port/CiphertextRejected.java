package com.syncwell.engine.port;

/**
 * A ciphertext did not authenticate: it was tampered with or truncated, encrypted for other
 * associated data (moved from another item), or under a master key this instance does not hold. Not
 * retriable. The message never contains plaintext or key material.
 */
public final class CiphertextRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CiphertextRejected(String message, Throwable cause) {
    super(message, cause);
  }
}
