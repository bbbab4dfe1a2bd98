package com.syncwell.engine.store;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * New ids that sort by creation time, in the manner of ULIDs: {@code <prefix>_}, 10 Crockford
 * base32 characters of the epoch milliseconds, 16 of 80 random bits. Ids made in the same
 * millisecond sort in random order.
 */
final class SortableIds {
  private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private SortableIds() {}

  static String next(String prefix, Clock clock) {
    StringBuilder id = new StringBuilder(prefix.length() + 27).append(prefix).append('_');
    long millis = clock.millis();
    for (int shift = 45; shift >= 0; shift -= 5) {
      id.append(CROCKFORD[(int) ((millis >>> shift) & 31)]);
    }
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    long high = 0;
    long low = 0;
    for (int i = 0; i < 5; i++) {
      high = (high << 8) | (random[i] & 0xff);
      low = (low << 8) | (random[i + 5] & 0xff);
    }
    for (int shift = 35; shift >= 0; shift -= 5) {
      id.append(CROCKFORD[(int) ((high >>> shift) & 31)]);
    }
    for (int shift = 35; shift >= 0; shift -= 5) {
      id.append(CROCKFORD[(int) ((low >>> shift) & 31)]);
    }
    return id.toString();
  }
}
