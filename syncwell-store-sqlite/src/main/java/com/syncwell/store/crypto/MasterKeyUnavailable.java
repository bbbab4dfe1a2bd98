package com.syncwell.store.crypto;

/**
 * The master key cannot be loaded: the keyset file is missing, unreadable or not a Tink AEAD
 * keyset. Stops startup; stored tokens cannot be decrypted without the right master key. The
 * message names the file, never its contents.
 */
public final class MasterKeyUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MasterKeyUnavailable(String message) {
    super(message);
  }

  public MasterKeyUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
