package com.syncwell.engine.port.queue;

import java.time.Instant;
import java.util.Map;

/**
 * One delivery of a message: its id, body and attributes, the receipt handle of this lease, how
 * many times it has been delivered (1 on the first delivery) and when it was first sent.
 */
public record ReceivedMessage(
    MessageId id,
    String body,
    Map<String, String> attributes,
    ReceiptHandle receipt,
    int receiveCount,
    Instant sentAt) {
  public ReceivedMessage {
    attributes = Map.copyOf(attributes);
  }
}
