package com.syncwell.engine.store;

import java.util.Objects;

/**
 * Key parts of the single table. Ids that become key parts are 1 to {@link #MAX_ID_LENGTH}
 * characters without {@code #} (the separator) or control characters, so that every key and prefix
 * is unambiguous; provider record ids come last in their keys and may contain anything else.
 */
final class UserKeys {
  static final int MAX_ID_LENGTH = 128;

  private UserKeys() {}

  /** The partition of all of a user's items. */
  static String partition(String userId) {
    return "USER#" + requireId("user id", userId);
  }

  static String requireId(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty() || value.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(what + " must be 1 to " + MAX_ID_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '#' || Character.isISOControl(c)) {
        throw new IllegalArgumentException(what + " must not contain '#' or control characters");
      }
    }
    return value;
  }

  /** A record id at the end of a key: non-empty, no control characters. */
  static String requireTail(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(what + " must not contain control characters");
    }
    return value;
  }

  /** Epoch milliseconds, zero-padded to 15 digits so that index sort keys order by time. */
  static String sortableMillis(java.time.Instant at) {
    return String.format(java.util.Locale.ROOT, "%015d", Math.max(0, at.toEpochMilli()));
  }
}
