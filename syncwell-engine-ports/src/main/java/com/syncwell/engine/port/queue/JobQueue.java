package com.syncwell.engine.port.queue;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A durable work queue with the semantics of Amazon SQS standard queues (ARCHITECTURE.md §6).
 *
 * <p><b>Delivery:</b> at least once, in no guaranteed order. A received message is leased:
 * invisible to other receivers until its visibility timeout passes, after which it is delivered
 * again with a higher receive count. A message that would be delivered more than the queue's
 * maximum receive count (default 5) is moved to the dead-letter queue instead. Correctness comes
 * from idempotent processing, never from the queue.
 *
 * <p><b>Durability:</b> once {@link #send} returns, the message survives a crash of any process.
 *
 * <p><b>Threading:</b> implementations are safe for any number of concurrent senders and receivers,
 * in one process or several; two receivers never hold a lease on the same message at the same time.
 *
 * <p><b>Time:</b> delays, leases and dead-letter timestamps follow the queue's clock; the long-poll
 * {@code wait} is real time.
 *
 * <p><b>Errors:</b> invalid arguments throw {@link IllegalArgumentException}; a failing engine
 * throws {@link com.syncwell.engine.port.StorageFailure}.
 */
public interface JobQueue {

  /** Most messages in one batch send. */
  int MAX_BATCH_SIZE = 10;

  /** Default number of deliveries before a message is dead-lettered. */
  int DEFAULT_MAX_RECEIVES = 5;

  /** Sends one message; it becomes visible after its delay. */
  default MessageId send(OutgoingMessage message) {
    Objects.requireNonNull(message, "message");
    return sendBatch(List.of(message)).getFirst();
  }

  /** Sends 1 to {@link #MAX_BATCH_SIZE} messages; the ids are in the order of the messages. */
  List<MessageId> sendBatch(List<OutgoingMessage> messages);

  /**
   * Leases up to {@code request.maxMessages()} visible messages. Returns as soon as at least one is
   * available, or empty once {@code request.waitTime()} has passed.
   */
  List<ReceivedMessage> receive(ReceiveRequest request);

  /**
   * Acknowledges a delivery: deletes the message. Returns false, deleting nothing, when the handle
   * is not the message's current lease (it expired and the message was received again) or the
   * message is already gone.
   */
  boolean delete(ReceiptHandle receipt);

  /**
   * Makes the leased message visible again after {@code timeout} from now (0 to 12 h); 0 releases
   * it at once. Returns false when the handle is not the current lease or its lease has already
   * expired.
   */
  boolean changeVisibility(ReceiptHandle receipt, Duration timeout);

  /** Up to {@code max} dead letters, oldest first, without removing them. */
  List<DeadLetter> listDeadLetters(int max);

  /**
   * Moves up to {@code max} dead letters, oldest first, back to the queue as new deliveries
   * (receive count reset) and returns how many it moved.
   */
  int redriveDeadLetters(int max);

  /** Approximate counts of the queue and its dead-letter queue. */
  QueueDepth approximateDepth();

  /**
   * A copy of {@code messages}; refuses null, an empty batch or more than {@link #MAX_BATCH_SIZE}.
   */
  static List<OutgoingMessage> requireBatch(List<OutgoingMessage> messages) {
    Objects.requireNonNull(messages, "messages");
    if (messages.isEmpty() || messages.size() > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "a batch holds 1 to " + MAX_BATCH_SIZE + " messages, was " + messages.size());
    }
    return List.copyOf(messages);
  }
}
