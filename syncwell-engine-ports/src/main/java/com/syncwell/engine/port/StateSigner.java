package com.syncwell.engine.port;

/**
 * Signs and verifies short-lived values the engine hands out and must recognise when they come
 * back, such as the OAuth {@code state} of a connection being authorized: a message authentication
 * code (HMAC-SHA256) under a key only the service holds.
 *
 * <p><b>Keys:</b> every instance that may verify a value must hold the key that signed it (a keyset
 * file in the data directory in embedded mode, a shared secret in scale-out). Keysets may hold
 * several keys: the primary one signs, all of them verify, so a key can be rotated without refusing
 * the values in flight.
 *
 * <p><b>Threading:</b> implementations are safe for concurrent use.
 *
 * <p><b>Errors:</b> {@link #verifies} answers false for a signature that does not authenticate,
 * whatever the reason; it never throws for bad input. Neither method puts the data or key material
 * into an exception message.
 */
public interface StateSigner {

  /** The signature of {@code data} under the primary key. The array is not modified. */
  byte[] sign(byte[] data);

  /** True when {@code signature} is a signature of {@code data} under one of the keys. */
  boolean verifies(byte[] signature, byte[] data);
}
