package com.syncwell.store.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.syncwell.engine.port.StateSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * {@link StateSigner} by a Tink {@link Mac} (HMAC-SHA256 with a 256-bit tag): the primary key of
 * the keyset signs, every key of it verifies, so adding a new primary key to the keyset file
 * rotates the key while states signed under the old one stay valid until they expire.
 *
 * <p>In embedded mode the keyset lives in the data directory ({@link #inDataDir}), in cleartext
 * Tink JSON, owner-only, generated on first start. Whoever holds it can forge OAuth states (not
 * read tokens): keep it as private as the master keyset. Every process that verifies states must
 * read the same file.
 */
public final class TinkStateSigner implements StateSigner {
  /** The file name of the generated state keyset in the data directory. */
  public static final String DEFAULT_NAME = "state-keyset.json";

  private static final String WHAT = "state-signing keyset";

  static {
    try {
      MacConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Mac mac;

  private TinkStateSigner(Mac mac) {
    this.mac = mac;
  }

  /** Signs with {@code mac}, a MAC primitive of a keyset the caller holds. */
  public static TinkStateSigner wrapping(Mac mac) {
    return new TinkStateSigner(Objects.requireNonNull(mac, "mac"));
  }

  /** A signer over a fresh HMAC-SHA256 keyset held in memory only (tests, one-off processes). */
  public static TinkStateSigner withFreshKey() {
    try {
      return fromKeyset(KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink cannot generate an HMAC-SHA256 keyset", e);
    }
  }

  /** Where the generated state keyset lives in a data directory. */
  public static Path inDataDir(Path dataDir) {
    return dataDir.resolve(DEFAULT_NAME);
  }

  /**
   * The signer of the keyset in {@code file}; when the file does not exist, generates an
   * HMAC-SHA256 keyset and writes it there, owner-only, atomically (two processes starting at once
   * end up with the same key).
   *
   * @throws IllegalStateException naming the file (never its contents) when it cannot be created or
   *     read, or holds no Tink MAC keyset
   */
  public static TinkStateSigner withKeysetCreatedIfAbsent(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.exists(file)) {
      KeysetFile.create(
          file, PredefinedMacParameters.HMAC_SHA256_256BITTAG, WHAT, IllegalStateException::new);
    }
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("the " + WHAT + " file " + file + " cannot be read", e);
    }
    KeysetFile.warnUnlessOwnerOnly(file);
    try {
      return fromKeyset(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
    } catch (GeneralSecurityException | RuntimeException e) {
      // The cause is not chained: parser messages may quote parts of the file.
      throw new IllegalStateException(
          "the "
              + WHAT
              + " file "
              + file
              + " is not a Tink MAC keyset (corrupt or of another kind)");
    }
  }

  private static TinkStateSigner fromKeyset(KeysetHandle handle) throws GeneralSecurityException {
    return new TinkStateSigner(handle.getPrimitive(RegistryConfiguration.get(), Mac.class));
  }

  @Override
  public byte[] sign(byte[] data) {
    Objects.requireNonNull(data, "data");
    try {
      return mac.computeMac(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the state-signing key cannot sign", e);
    }
  }

  @Override
  public boolean verifies(byte[] signature, byte[] data) {
    if (signature == null || data == null) {
      return false;
    }
    try {
      mac.verifyMac(signature, data);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
