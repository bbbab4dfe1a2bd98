package com.syncwell.api.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A value a provider presents to prove it is the provider (Google's subscriber secret, Strava's
 * verify token). {@link #matches} compares in constant time; the string form never shows it.
 */
public record SharedSecret(String value) {
  public SharedSecret {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a shared secret must not be empty");
    }
  }

  /**
   * True when {@code presented} equals the secret. Both sides are hashed first, so the time taken
   * depends neither on where they differ nor on the presented length.
   */
  public boolean matches(String presented) {
    if (presented == null) {
      return false;
    }
    return MessageDigest.isEqual(sha256(value), sha256(presented));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "SharedSecret[****]";
  }
}
