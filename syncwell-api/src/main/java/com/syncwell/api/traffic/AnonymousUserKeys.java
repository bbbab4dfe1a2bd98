package com.syncwell.api.traffic;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One day's anonymous user keys: HMAC-SHA-256 of the user id under a random 256-bit key made for
 * this day, truncated to 64 bits. The key lives in this object only (never logged, never exported)
 * and is dropped with it at the end of the day, so keys of different days cannot be linked and no
 * key can be turned back into a user id without the user id itself.
 *
 * <p><b>Threading:</b> not thread-safe; the recorder calls it under its lock.
 */
final class AnonymousUserKeys {
  private static final String ALGORITHM = "HmacSHA256";

  private final Mac mac;

  AnonymousUserKeys(SecureRandom random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    try {
      mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** The day's key of {@code userId}; never 0 (0 marks an empty slot in the user table). */
  long keyOf(String userId) {
    long key = ByteBuffer.wrap(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8))).getLong();
    return key == 0 ? 1 : key;
  }
}
