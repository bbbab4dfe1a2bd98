package com.syncwell.store.sqlite;

import com.syncwell.engine.port.queue.ReceiptHandle;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The receipt handle format of {@link SqliteJobQueue}: {@code <message id>:<token>}, the token
 * being 128 random bits in 32 lower-case hex digits, new for every delivery.
 */
record Receipt(String messageId, String token) {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();
  private static final int TOKEN_BYTES = 16;
  private static final int TOKEN_DIGITS = 2 * TOKEN_BYTES;
  private static final int MAX_ID_LENGTH = 64;

  /** A new receipt for one delivery of {@code messageId}. */
  static Receipt issue(String messageId) {
    byte[] token = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(token);
    return new Receipt(messageId, HEX.formatHex(token));
  }

  /** The receipt a handle stands for, or empty when the handle is not in this format. */
  static Optional<Receipt> parse(ReceiptHandle handle) {
    String value = handle.value();
    int colon = value.lastIndexOf(':');
    if (colon < 1 || colon > MAX_ID_LENGTH || value.length() - colon - 1 != TOKEN_DIGITS) {
      return Optional.empty();
    }
    String token = value.substring(colon + 1);
    for (int i = 0; i < token.length(); i++) {
      char ch = token.charAt(i);
      if (!(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f')) {
        return Optional.empty();
      }
    }
    return Optional.of(new Receipt(value.substring(0, colon), token));
  }

  ReceiptHandle handle() {
    return new ReceiptHandle(messageId + ":" + token);
  }
}
