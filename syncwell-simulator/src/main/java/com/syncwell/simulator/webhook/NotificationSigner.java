package com.syncwell.simulator.webhook;

import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.SignatureConfig;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Signs Google Health API notifications with a Tink ECDSA P-256 / SHA-256 key (DER signature, Tink
 * output prefix: 0x01 and the 4-byte key id) generated at startup; serves the public keyset as Tink
 * JSON.
 */
public final class NotificationSigner {
  private final PublicKeySign signer;
  private final String publicKeysetJson;

  public NotificationSigner() {
    try {
      SignatureConfig.register();
      KeysetHandle handle = KeysetHandle.generateNew(KeyTemplates.get("ECDSA_P256"));
      signer = handle.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
      publicKeysetJson =
          TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(handle.getPublicKeysetHandle());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create the webhook signing key", e);
    }
  }

  /** Base64 of the Tink signature over {@code body}. */
  public String sign(byte[] body) {
    try {
      return Base64.getEncoder().encodeToString(signer.sign(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign", e);
    }
  }

  public String publicKeysetJson() {
    return publicKeysetJson;
  }
}
