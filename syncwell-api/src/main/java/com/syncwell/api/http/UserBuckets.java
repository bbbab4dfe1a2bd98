package com.syncwell.api.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Bucket keys for users: a SHA-256 digest of the user id, so a shared rate-limit store (Redis)
 * never holds raw user ids.
 */
final class UserBuckets {
  private UserBuckets() {}

  static String keyOf(String userId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("user:" + userId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
