package com.syncwell.engine.port;

/**
 * Encrypts and decrypts provider OAuth tokens before they are stored in a connection item
 * (ARCHITECTURE.md §5, docs/adr/0003): authenticated encryption with associated data.
 *
 * <p><b>Associated data</b> is the identity of the place the ciphertext belongs to: the key of the
 * connection item ({@code USER#{userId}} and {@code CONN#{connectionId}}). It is not stored in the
 * ciphertext, but it must be the same to decrypt, so a ciphertext copied or moved to another item
 * (another connection, another user) fails to decrypt instead of handing out someone else's tokens.
 *
 * <p><b>Envelope encryption:</b> adapters encrypt each plaintext with a fresh data key and store
 * that data key, wrapped by a master key (a local keyset file in embedded mode, AWS KMS in
 * production), inside the ciphertext. Ciphertexts are therefore self-contained: any instance with
 * access to the same master key decrypts them.
 *
 * <p><b>Threading:</b> implementations are safe for concurrent use.
 *
 * <p><b>Errors:</b> a ciphertext that does not authenticate — tampered with, truncated, encrypted
 * for other associated data or under a master key this instance does not hold — throws {@link
 * CiphertextRejected}, which retrying does not cure. A master key service that cannot be reached
 * throws {@link StorageFailure} (retriable). Neither message ever contains plaintext.
 */
public interface TokenCipher {

  /**
   * Encrypts {@code plaintext} bound to {@code associatedData}; each call uses a fresh data key and
   * nonce, so equal inputs give different ciphertexts. The arrays are not modified.
   */
  byte[] encrypt(byte[] plaintext, byte[] associatedData);

  /**
   * Decrypts a ciphertext made by {@link #encrypt} with the same {@code associatedData}.
   *
   * @throws CiphertextRejected when it does not authenticate
   */
  byte[] decrypt(byte[] ciphertext, byte[] associatedData);
}
