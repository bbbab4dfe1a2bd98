package com.syncwell.api.webhook;

import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.SignatureConfig;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * A Tink ECDSA P-256 keyset signing like Google's webhooks: base64 of {@code 0x01}, the key id and
 * the DER signature over the raw body, with the public half as Tink JSON.
 */
final class SigningKeys {
  private KeysetHandle handle;

  SigningKeys() {
    try {
      SignatureConfig.register();
      handle = KeysetHandle.generateNew(KeyTemplates.get("ECDSA_P256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds a new key with a fresh id and signs with it from now on; the old key stays published. */
  void rotate() {
    try {
      handle =
          KeysetHandle.newBuilder(handle)
              .addEntry(
                  KeysetHandle.generateEntryFromParametersName("ECDSA_P256")
                      .withRandomId()
                      .makePrimary())
              .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String sign(byte[] body) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              handle.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class).sign(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String publicKeysetJson() {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(handle.getPublicKeysetHandle());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
