package com.syncwell.aws.sqs;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.queue.DeadLetter;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.MessageId;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.QueueDepth;
import com.syncwell.engine.port.queue.ReceiptHandle;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * {@link JobQueue} on an SQS standard queue whose redrive policy dead-letters a message after its
 * maximum receives (create both with {@link SqsQueues#createIfMissing}). Every operation is one or
 * a few SQS calls on the injected synchronous client; the adapter keeps no state, so any number of
 * threads and processes may share one queue. The engine's clock, not the caller's, stamps sends,
 * leases and delays.
 *
 * <p><b>Where SQS differs from the embedded queue</b> (ARCHITECTURE.md §6; delivery stays at least
 * once either way):
 *
 * <ul>
 *   <li>SQS accepts some receipts that are not the current lease: AWS lets an older receipt of a
 *       message delete it and answers a second delete with success; ElasticMQ refuses stale deletes
 *       but lets any receipt naming the message change its visibility, even after its lease ran
 *       out. So {@link #delete} and {@link #changeVisibility} return false for malformed, foreign
 *       or unknown receipts and for messages SQS reports not in flight, and may return true for a
 *       stale one. Processing is idempotent and leases are renewed by their holder, so this costs
 *       at most a redundant delivery, never a lost job.
 *   <li>Waits and leases are whole seconds, rounded up.
 *   <li>{@link #listDeadLetters} leases the dead-letter queue for {@link #PEEK_LEASE} to read it
 *       (SQS has no peek) and releases what it read at once; a lister that dies mid-way leaves the
 *       letters hidden from other listers for that long, never lost. Reading raises the dead-letter
 *       queue's own receive counts, so a dead letter reports {@code maxReceives}: the deliveries it
 *       had on the queue before the redrive policy moved it.
 *   <li>SQS keeps no time of dead-lettering: {@link DeadLetter#deadLetteredAt()} is the message's
 *       ApproximateFirstReceiveTimestamp, a lower bound (ElasticMQ keeps the first delivery on the
 *       queue across the move; AWS may report the first receive on the dead-letter queue, i.e. the
 *       first listing). "Oldest first" orders by the original send time, then by id.
 *   <li>{@link #redriveDeadLetters} receives from the dead-letter queue, sends to the queue and
 *       then deletes from the dead-letter queue: at least once (a crash between the two steps
 *       redrives a letter twice), and like SQS's own redrive the message gets a new id and send
 *       time.
 *   <li>Messages may not carry characters outside the XML range, empty attribute values or
 *       attribute names SQS reserves: {@link IllegalArgumentException} before any call.
 * </ul>
 *
 * <p><b>Errors:</b> invalid arguments throw {@link IllegalArgumentException}; a failing or
 * unreachable engine throws {@link StorageFailure} (the SDK has already retried).
 */
public final class SqsJobQueue implements JobQueue {
  /** How long {@link #listDeadLetters} and {@link #redriveDeadLetters} lease what they read. */
  public static final Duration PEEK_LEASE = Duration.ofSeconds(30);

  /** Most dead letters one list or redrive reads to find the oldest. */
  public static final int DEAD_LETTER_SCAN_LIMIT = 1000;

  private static final Logger log = LoggerFactory.getLogger(SqsJobQueue.class);
  private static final String ALL = "All";

  private final SqsClient client;
  private final SqsQueueUrls urls;
  private final int maxReceives;

  /**
   * A queue on {@code urls}, whose redrive policy dead-letters after {@code maxReceives} receives
   * (the value given to {@link SqsQueues#createIfMissing}). The client is shared, not closed here.
   */
  public SqsJobQueue(SqsClient client, SqsQueueUrls urls, int maxReceives) {
    this.client = Objects.requireNonNull(client, "client");
    this.urls = Objects.requireNonNull(urls, "urls");
    if (maxReceives < 1 || maxReceives > SqsQueues.MAX_MAX_RECEIVES) {
      throw new IllegalArgumentException(
          "maxReceives must be 1 to " + SqsQueues.MAX_MAX_RECEIVES + ", was " + maxReceives);
    }
    this.maxReceives = maxReceives;
  }

  public SqsQueueUrls urls() {
    return urls;
  }

  @Override
  public List<MessageId> sendBatch(List<OutgoingMessage> messages) {
    List<OutgoingMessage> batch = JobQueue.requireBatch(messages);
    batch.forEach(SqsLimits::requireSendable);
    List<MessageId> ids = new ArrayList<>(batch.size());
    int from = 0;
    while (from < batch.size()) {
      int to = from;
      long payload = 0;
      while (to < batch.size()
          && (to == from
              || payload + SqsLimits.size(batch.get(to)) <= SqsLimits.BATCH_PAYLOAD_BYTES)) {
        payload += SqsLimits.size(batch.get(to));
        to++;
      }
      ids.addAll(sendChunk(urls.queueUrl(), batch.subList(from, to)));
      from = to;
    }
    return List.copyOf(ids);
  }

  private List<MessageId> sendChunk(String queueUrl, List<OutgoingMessage> chunk) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      OutgoingMessage m = chunk.get(i);
      entries.add(
          SendMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .messageBody(m.body())
              .messageAttributes(toSqs(m.attributes()))
              .delaySeconds(SqsLimits.seconds(m.delay()))
              .build());
    }
    SendMessageBatchResponse response =
        call(
            "send to",
            queueUrl,
            () -> client.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries)));
    if (!response.failed().isEmpty()) {
      throw batchFailure(queueUrl, response.failed(), chunk.size());
    }
    MessageId[] ids = new MessageId[chunk.size()];
    for (SendMessageBatchResultEntry ok : response.successful()) {
      ids[Integer.parseInt(ok.id())] = new MessageId(ok.messageId());
    }
    for (MessageId id : ids) {
      if (id == null) {
        throw new StorageFailure("SQS acknowledged only part of a batch to " + queueUrl, null);
      }
    }
    return List.of(ids);
  }

  /**
   * A batch with failed entries: the caller's fault (SQS refused the message) is an {@link
   * IllegalArgumentException}, anything else a {@link StorageFailure}. Entries that succeeded stay
   * sent; resending the batch may duplicate them, which at-least-once delivery allows.
   */
  private static RuntimeException batchFailure(
      String queueUrl, List<BatchResultErrorEntry> failed, int size) {
    StringBuilder what = new StringBuilder();
    boolean callersFault = false;
    for (BatchResultErrorEntry e : failed) {
      callersFault |= Boolean.TRUE.equals(e.senderFault());
      what.append(what.isEmpty() ? "" : "; ")
          .append("message ")
          .append(e.id())
          .append(": ")
          .append(e.code())
          .append(' ')
          .append(e.message());
    }
    String text =
        failed.size() + " of " + size + " messages not sent to " + queueUrl + " (" + what + ")";
    return callersFault ? new IllegalArgumentException(text) : new StorageFailure(text, null);
  }

  @Override
  public List<ReceivedMessage> receive(ReceiveRequest request) {
    Objects.requireNonNull(request, "request");
    List<Message> got =
        receiveRaw(
            urls.queueUrl(),
            request.maxMessages(),
            SqsLimits.seconds(request.waitTime()),
            SqsLimits.seconds(request.visibilityTimeout()));
    List<ReceivedMessage> received = new ArrayList<>(got.size());
    for (Message m : got) {
      received.add(
          new ReceivedMessage(
              new MessageId(m.messageId()),
              m.body(),
              fromSqs(m.messageAttributes()),
              new ReceiptHandle(m.receiptHandle()),
              receiveCount(m),
              sentAt(m)));
    }
    return received;
  }

  private List<Message> receiveRaw(String queueUrl, int max, int waitSeconds, int leaseSeconds) {
    return call(
            "receive from",
            queueUrl,
            () ->
                client.receiveMessage(
                    r ->
                        r.queueUrl(queueUrl)
                            .maxNumberOfMessages(max)
                            .waitTimeSeconds(waitSeconds)
                            .visibilityTimeout(leaseSeconds)
                            .messageAttributeNames(ALL)
                            .messageSystemAttributeNames(
                                MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                                MessageSystemAttributeName.SENT_TIMESTAMP,
                                MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP)))
        .messages();
  }

  @Override
  public boolean delete(ReceiptHandle receipt) {
    Objects.requireNonNull(receipt, "receipt");
    try {
      call(
          "delete from",
          urls.queueUrl(),
          () ->
              client.deleteMessage(
                  r -> r.queueUrl(urls.queueUrl()).receiptHandle(receipt.value())));
      return true;
    } catch (StorageFailure f) {
      if (isStaleReceipt(f.getCause())) {
        return false;
      }
      throw f;
    }
  }

  @Override
  public boolean changeVisibility(ReceiptHandle receipt, Duration timeout) {
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.compareTo(ReceiveRequest.MAX_VISIBILITY) > 0) {
      throw new IllegalArgumentException(
          "visibility timeout must be 0 to " + ReceiveRequest.MAX_VISIBILITY + ", was " + timeout);
    }
    int seconds = SqsLimits.seconds(timeout);
    try {
      call(
          "change visibility in",
          urls.queueUrl(),
          () ->
              client.changeMessageVisibility(
                  r ->
                      r.queueUrl(urls.queueUrl())
                          .receiptHandle(receipt.value())
                          .visibilityTimeout(seconds)));
      return true;
    } catch (StorageFailure f) {
      if (isStaleReceipt(f.getCause())) {
        return false;
      }
      throw f;
    }
  }

  /**
   * Whether SQS refused a receipt because it is malformed, of another queue, no longer current or
   * its message is not in flight: an expected outcome, not an engine failure.
   */
  private static boolean isStaleReceipt(Throwable e) {
    if (e instanceof ReceiptHandleIsInvalidException || e instanceof MessageNotInflightException) {
      return true;
    }
    if (e instanceof SqsException s && s.statusCode() == 400 && s.awsErrorDetails() != null) {
      String code = s.awsErrorDetails().errorCode();
      return code != null
          && (code.endsWith("ReceiptHandleIsInvalid")
              || code.endsWith("MessageNotInflight")
              || code.endsWith("InvalidIdFormat")
              || code.endsWith("InvalidParameterValue"));
    }
    return false;
  }

  @Override
  public List<DeadLetter> listDeadLetters(int max) {
    requireCount(max);
    if (max == 0) {
      return List.of();
    }
    List<Message> read = leaseDeadLetters();
    try {
      return read.stream().limit(max).map(this::toDeadLetter).toList();
    } finally {
      release(read);
    }
  }

  @Override
  public int redriveDeadLetters(int max) {
    requireCount(max);
    if (max == 0) {
      return 0;
    }
    List<Message> read = leaseDeadLetters();
    List<Message> chosen = read.subList(0, Math.min(max, read.size()));
    List<Message> rest = new ArrayList<>(read.subList(chosen.size(), read.size()));
    int moved = 0;
    try {
      for (int from = 0; from < chosen.size(); from += MAX_BATCH_SIZE) {
        List<Message> chunk = chosen.subList(from, Math.min(from + MAX_BATCH_SIZE, chosen.size()));
        List<OutgoingMessage> again = new ArrayList<>(chunk.size());
        for (Message m : chunk) {
          again.add(new OutgoingMessage(m.body(), fromSqs(m.messageAttributes()), Duration.ZERO));
        }
        sendChunk(urls.queueUrl(), again);
        deleteDeadLetters(chunk);
        moved += chunk.size();
      }
    } catch (RuntimeException e) {
      rest.addAll(chosen.subList(moved, chosen.size()));
      throw e;
    } finally {
      release(rest);
    }
    if (moved > 0) {
      log.info("redrove {} dead letters back to {}", moved, urls.queueUrl());
    }
    return moved;
  }

  /**
   * Leases everything visible in the dead-letter queue (up to {@link #DEAD_LETTER_SCAN_LIMIT}) for
   * {@link #PEEK_LEASE}, oldest send first. Stops at an empty receive, or once it read as many as
   * the queue approximately holds (visible or not: a letter another lister just released may still
   * be counted as leased).
   */
  private List<Message> leaseDeadLetters() {
    String dlq = urls.deadLetterQueueUrl();
    long expected =
        Math.min(
            DEAD_LETTER_SCAN_LIMIT,
            counts(
                    dlq,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                .values()
                .stream()
                .mapToLong(Long::longValue)
                .sum());
    Map<String, Message> read = new LinkedHashMap<>();
    int lease = SqsLimits.seconds(PEEK_LEASE);
    while (read.size() < expected) {
      List<Message> got = receiveRaw(dlq, ReceiveRequest.MAX_MESSAGES, 0, lease);
      if (got.isEmpty()) {
        break;
      }
      got.forEach(m -> read.putIfAbsent(m.messageId(), m));
    }
    List<Message> sorted = new ArrayList<>(read.values());
    sorted.sort(Comparator.comparing(SqsJobQueue::sentAt).thenComparing(Message::messageId));
    return sorted;
  }

  private void release(List<Message> leased) {
    String dlq = urls.deadLetterQueueUrl();
    for (int from = 0; from < leased.size(); from += MAX_BATCH_SIZE) {
      List<Message> chunk = leased.subList(from, Math.min(from + MAX_BATCH_SIZE, leased.size()));
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(
            ChangeMessageVisibilityBatchRequestEntry.builder()
                .id(Integer.toString(i))
                .receiptHandle(chunk.get(i).receiptHandle())
                .visibilityTimeout(0)
                .build());
      }
      try {
        var response =
            call(
                "release dead letters in",
                dlq,
                () -> client.changeMessageVisibilityBatch(r -> r.queueUrl(dlq).entries(entries)));
        if (!response.failed().isEmpty()) {
          log.warn(
              "{} dead letters stay hidden for up to {} after a listing",
              response.failed().size(),
              PEEK_LEASE);
        }
      } catch (StorageFailure e) {
        log.warn("dead letters stay hidden for up to {} after a listing", PEEK_LEASE, e);
      }
    }
  }

  private void deleteDeadLetters(List<Message> chunk) {
    String dlq = urls.deadLetterQueueUrl();
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < chunk.size(); i++) {
      entries.add(
          DeleteMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .receiptHandle(chunk.get(i).receiptHandle())
              .build());
    }
    DeleteMessageBatchResponse response =
        call(
            "delete dead letters from",
            dlq,
            () -> client.deleteMessageBatch(r -> r.queueUrl(dlq).entries(entries)));
    if (!response.failed().isEmpty()) {
      log.warn(
          "{} redriven dead letters were not deleted from the dead-letter queue; they will be"
              + " redriven again",
          response.failed().size());
    }
  }

  private DeadLetter toDeadLetter(Message m) {
    String firstReceive =
        m.attributes().get(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP);
    return new DeadLetter(
        new MessageId(m.messageId()),
        m.body(),
        fromSqs(m.messageAttributes()),
        maxReceives,
        sentAt(m),
        firstReceive == null ? sentAt(m) : Instant.ofEpochMilli(Long.parseLong(firstReceive)));
  }

  @Override
  public QueueDepth approximateDepth() {
    Map<QueueAttributeName, Long> queue =
        counts(
            urls.queueUrl(),
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);
    Map<QueueAttributeName, Long> dead =
        counts(
            urls.deadLetterQueueUrl(),
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);
    return new QueueDepth(
        queue.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, 0L),
        queue.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, 0L),
        queue.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, 0L),
        dead.values().stream().mapToLong(Long::longValue).sum());
  }

  private Map<QueueAttributeName, Long> counts(String queueUrl, QueueAttributeName... names) {
    Map<QueueAttributeName, String> raw =
        call(
                "read the attributes of",
                queueUrl,
                () -> client.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(names)))
            .attributes();
    Map<QueueAttributeName, Long> counts = new HashMap<>();
    raw.forEach((k, v) -> counts.put(k, Long.parseLong(v)));
    return counts;
  }

  private static void requireCount(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative, was " + max);
    }
  }

  private static Map<String, MessageAttributeValue> toSqs(Map<String, String> attributes) {
    Map<String, MessageAttributeValue> sqs = new LinkedHashMap<>();
    attributes.forEach(
        (k, v) ->
            sqs.put(
                k,
                MessageAttributeValue.builder()
                    .dataType(SqsLimits.ATTRIBUTE_TYPE)
                    .stringValue(v)
                    .build()));
    return sqs;
  }

  /** String and Number attributes by name; binary attributes of other producers are left out. */
  private static Map<String, String> fromSqs(Map<String, MessageAttributeValue> attributes) {
    Map<String, String> plain = new LinkedHashMap<>();
    attributes.forEach(
        (k, v) -> {
          if (v.stringValue() != null) {
            plain.put(k, v.stringValue());
          }
        });
    return plain;
  }

  private static int receiveCount(Message m) {
    String count = m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    return count == null ? 1 : Integer.parseInt(count);
  }

  private static Instant sentAt(Message m) {
    String sent = m.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
    if (sent == null) {
      throw new StorageFailure(
          "SQS returned message " + m.messageId() + " without its send time", null);
    }
    return Instant.ofEpochMilli(Long.parseLong(sent));
  }

  private static <T> T call(String what, String queueUrl, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw new StorageFailure("could not " + what + " " + queueUrl + ": " + e.getMessage(), e);
    }
  }
}
