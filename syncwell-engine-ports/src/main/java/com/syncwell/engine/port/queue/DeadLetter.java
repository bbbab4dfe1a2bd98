package com.syncwell.engine.port.queue;

import java.time.Instant;
import java.util.Map;

/** A message moved to the dead-letter queue after too many deliveries. */
public record DeadLetter(
    MessageId id,
    String body,
    Map<String, String> attributes,
    int receiveCount,
    Instant sentAt,
    Instant deadLetteredAt) {
  public DeadLetter {
    attributes = Map.copyOf(attributes);
  }
}
