package com.syncwell.app.logging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of user ids for logs: the first 16 characters of the base64url HMAC-SHA256 of the id
 * under a per-deployment key. The same id gives the same reference in every line and process of a
 * deployment, and no one without the key can go back to the id or test a guess. Thread-safe.
 */
public final class UserRefs {
  /** Keys shorter than this many bytes are refused. */
  public static final int MIN_KEY_BYTES = 16;

  private final SecretKeySpec key;
  private final boolean generated;

  private UserRefs(byte[] key, boolean generated) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.generated = generated;
  }

  /**
   * Hashes under {@code key} (at least {@value #MIN_KEY_BYTES} bytes of UTF-8); a blank key means a
   * random key for this process only (references then differ between processes and restarts).
   */
  public static UserRefs keyedBy(String key) {
    if (key == null || key.isBlank()) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      return new UserRefs(random, true);
    }
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the log hash key must be at least " + MIN_KEY_BYTES + " bytes");
    }
    return new UserRefs(bytes, false);
  }

  /** True when no key was configured and this process made one up. */
  public boolean keyGenerated() {
    return generated;
  }

  /** The reference of {@code userId}. */
  public String of(String userId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
      return "u_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
