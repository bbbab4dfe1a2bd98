package com.syncwell.store.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.KmsEnvelopeAead;
import com.syncwell.engine.port.CiphertextRejected;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.TokenCipher;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * {@link TokenCipher} by Tink's envelope encryption ({@link KmsEnvelopeAead}): every {@link
 * #encrypt} makes a fresh AES-256-GCM data key, encrypts the plaintext with it (binding the
 * associated data) and stores the data key wrapped by the master AEAD in front of the ciphertext.
 * The master AEAD is a local keyset ({@link KeysetFile}) in embedded mode; a KMS-backed {@link
 * Aead} in production goes through {@link #wrapping}.
 *
 * <p>Ciphertext layout (Tink's): 4-byte big-endian length of the wrapped data key, the wrapped data
 * key, then the AES-GCM ciphertext (12-byte nonce, ciphertext, 16-byte tag). Decrypting needs the
 * same master key and the same associated data.
 */
public final class TinkTokenCipher implements TokenCipher {
  private static final AesGcmParameters DATA_KEY;

  static {
    try {
      DATA_KEY =
          AesGcmParameters.builder()
              .setKeySizeBytes(32)
              .setIvSizeBytes(12)
              .setTagSizeBytes(16)
              .setVariant(AesGcmParameters.Variant.NO_PREFIX)
              .build();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Aead envelope;

  private TinkTokenCipher(Aead envelope) {
    this.envelope = envelope;
  }

  /** Envelope encryption under {@code masterAead} (a local keyset, or a KMS key's AEAD). */
  public static TinkTokenCipher wrapping(Aead masterAead) {
    Objects.requireNonNull(masterAead, "masterAead");
    try {
      return new TinkTokenCipher(KmsEnvelopeAead.create(DATA_KEY, masterAead));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink rejected the AES-256-GCM data key parameters", e);
    }
  }

  /**
   * Embedded mode: the master keyset in {@code keysetFile}, generated (owner-only) when absent. For
   * the default file in the data directory ({@link KeysetFile#inDataDir}).
   */
  public static TinkTokenCipher withKeysetCreatedIfAbsent(Path keysetFile) {
    return wrapping(KeysetFile.openOrCreate(keysetFile));
  }

  /**
   * Embedded mode with an operator-chosen keyset ({@code SYNCWELL_MASTER_KEY_FILE}): the file must
   * exist; a missing or corrupt one is a {@link MasterKeyUnavailable}, never a silently new key.
   */
  public static TinkTokenCipher withExistingKeyset(Path keysetFile) {
    return wrapping(KeysetFile.open(keysetFile));
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(associatedData, "associatedData");
    try {
      return envelope.encrypt(plaintext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new StorageFailure("the master key could not wrap a data key", e);
    }
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
    Objects.requireNonNull(ciphertext, "ciphertext");
    Objects.requireNonNull(associatedData, "associatedData");
    try {
      return envelope.decrypt(ciphertext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new CiphertextRejected(
          "token ciphertext does not authenticate (tampered, moved from another item, or"
              + " encrypted under another master key)",
          e);
    }
  }
}
