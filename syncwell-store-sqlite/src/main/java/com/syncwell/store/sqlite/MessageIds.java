package com.syncwell.store.sqlite;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Message ids as version 7 UUIDs (RFC 9562): the send time's epoch milliseconds first, then 74
 * random bits. Ids of one millisecond sort together, so the unique index on {@code
 * queue_message.id} grows at its end and a send dirties one index page, not a random one. The ids
 * only name messages (receipts are separate, see {@link Receipt}), so a fast random source is
 * enough; the unique index refuses a collision.
 */
final class MessageIds {
  private MessageIds() {}

  static String next(long epochMillis) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb).toString();
  }
}
