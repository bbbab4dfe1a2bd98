package com.syncwell.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.queue.DeadLetter;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.MessageId;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.QueueDepth;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * What only the SQS adapter shows, on embedded ElasticMQ: batch entry failures, an unreachable
 * engine, queue creation, attributes as real SQS message attributes, and the parts of the contract
 * tests that {@link SqsJobQueueTest} skips, as SQS semantics have them.
 */
class SqsJobQueueEngineTest {
  private static final Duration LEASE = Duration.ofSeconds(5);
  private static final Duration PAST_LEASE = LEASE.plusSeconds(1);
  private static final Duration LONG_LEASE = Duration.ofHours(1);

  private static ElasticMq server;
  private static SqsClient client;

  private SqsQueueUrls urls;
  private SqsJobQueue queue;

  @BeforeAll
  static void startServer() {
    server = ElasticMq.start();
    client =
        SqsClients.forEndpoint(Optional.of(server.endpoint()), Region.of(SqsJobQueueTest.REGION));
  }

  @AfterAll
  static void stopServer() throws Exception {
    client.close();
    server.close();
  }

  @BeforeEach
  void freshQueue() {
    server.resetClock();
    queue = newQueue(JobQueue.DEFAULT_MAX_RECEIVES);
  }

  private SqsJobQueue newQueue(int maxReceives) {
    urls = SqsQueues.createIfMissing(client, uniqueName(), maxReceives);
    return new SqsJobQueue(client, urls, maxReceives);
  }

  private static String uniqueName() {
    return "engine-" + UUID.randomUUID().toString().substring(0, 8);
  }

  // --- attributes ---

  @Test
  void correlation_id_and_w3c_trace_context_travel_as_string_message_attributes() {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    String tracestate = "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE";
    queue.send(
        OutgoingMessage.of("{\"jobId\":\"j-1\"}")
            .withAttribute("correlationId", "c-42")
            .withAttribute("traceparent", traceparent)
            .withAttribute("tracestate", tracestate));

    List<Message> raw =
        client
            .receiveMessage(
                r -> r.queueUrl(urls.queueUrl()).messageAttributeNames("All").visibilityTimeout(0))
            .messages();
    ReceivedMessage received = receiveOne();

    assertThat(raw).singleElement().satisfies(m -> assertThat(m.messageAttributes()).hasSize(3));
    assertThat(raw.getFirst().messageAttributes().get("traceparent").dataType())
        .isEqualTo("String");
    assertThat(raw.getFirst().messageAttributes().get("traceparent").stringValue())
        .isEqualTo(traceparent);
    assertThat(received.attributes())
        .isEqualTo(
            Map.of("correlationId", "c-42", "traceparent", traceparent, "tracestate", tracestate));
  }

  @Test
  void content_sqs_refuses_is_an_illegal_argument_and_nothing_is_sent() {
    assertThatThrownBy(() -> queue.send(OutgoingMessage.of("nul \u0000 inside")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queue.send(OutgoingMessage.of("lone \ud800 surrogate")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queue.send(OutgoingMessage.of("job").withAttribute("empty", "")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queue.send(OutgoingMessage.of("job").withAttribute("AWS.trace", "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queue.send(OutgoingMessage.of("job").withAttribute("a..b", "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                queue.sendBatch(
                    List.of(OutgoingMessage.of("fine"), OutgoingMessage.of("bad \u0001"))))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(queue.approximateDepth()).isEqualTo(new QueueDepth(0, 0, 0, 0));
  }

  // --- batches ---

  @Test
  void batch_over_one_calls_payload_is_split_and_keeps_the_ids_in_message_order() {
    List<OutgoingMessage> batch =
        IntStream.range(0, 10)
            .mapToObj(i -> OutgoingMessage.of(i + ":" + "x".repeat(100 * 1024)))
            .toList();

    List<MessageId> ids = queue.sendBatch(batch);
    List<ReceivedMessage> received = new ArrayList<>();
    for (int tries = 0; received.size() < 10 && tries < 20; tries++) {
      received.addAll(queue.receive(ReceiveRequest.of(10, LONG_LEASE)));
    }

    assertThat(ids).hasSize(10).doesNotHaveDuplicates();
    assertThat(received).hasSize(10);
    for (ReceivedMessage m : received) {
      assertThat(m.body()).startsWith(ids.indexOf(m.id()) + ":");
    }
  }

  @Test
  void batch_entry_the_engine_refuses_is_an_illegal_argument_naming_it_and_the_others_are_sent() {
    SqsJobQueue corrupting = new SqsJobQueue(new CorruptingSecondEntry(client), urls, 5);
    List<OutgoingMessage> batch =
        List.of(OutgoingMessage.of("first"), OutgoingMessage.of("second"), OutgoingMessage.of("3"));

    assertThatThrownBy(() -> corrupting.sendBatch(batch))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 of 3 messages not sent")
        .hasMessageContaining("message 1:");
    assertThat(drainBodies(2)).containsExactlyInAnyOrder("first", "3");
  }

  @Test
  void batch_entry_failing_on_the_engine_side_is_a_storage_failure() {
    SqsJobQueue failing = new SqsJobQueue(new EngineFailsSecondEntry(), urls, 5);

    assertThatThrownBy(
            () -> failing.sendBatch(List.of(OutgoingMessage.of("a"), OutgoingMessage.of("b"))))
        .isInstanceOf(StorageFailure.class)
        .hasMessageContaining("1 of 2 messages not sent")
        .hasMessageContaining("InternalError");
  }

  // --- engine failures ---

  @Test
  void unreachable_engine_is_a_storage_failure_for_every_operation() throws IOException {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    String nowhere = "http://127.0.0.1:" + closedPort + "/000000000000/";
    try (SqsClient unreachable =
        SqsClients.forEndpoint(
            Optional.of(URI.create("http://127.0.0.1:" + closedPort)),
            Region.of(SqsJobQueueTest.REGION))) {
      SqsJobQueue gone =
          new SqsJobQueue(unreachable, new SqsQueueUrls(nowhere + "q", nowhere + "q-dlq"), 5);

      assertThatThrownBy(() -> gone.send(OutgoingMessage.of("job")))
          .isInstanceOf(StorageFailure.class);
      assertThatThrownBy(() -> gone.receive(ReceiveRequest.of(1, LEASE)))
          .isInstanceOf(StorageFailure.class);
      assertThatThrownBy(gone::approximateDepth).isInstanceOf(StorageFailure.class);
      assertThatThrownBy(() -> gone.listDeadLetters(1)).isInstanceOf(StorageFailure.class);
      assertThatThrownBy(() -> SqsQueues.createIfMissing(unreachable, "q", 5))
          .isInstanceOf(StorageFailure.class);
    }
  }

  // --- queue creation ---

  @Test
  void creating_the_queues_again_returns_the_same_urls_and_a_new_max_receives_updates_the_policy() {
    String name = uniqueName();

    SqsQueueUrls first = SqsQueues.createIfMissing(client, name, 5);
    SqsQueueUrls again = SqsQueues.createIfMissing(client, name, 5);
    SqsQueueUrls changed = SqsQueues.createIfMissing(client, name, 3);

    assertThat(again).isEqualTo(first);
    assertThat(changed).isEqualTo(first);
    assertThat(first.deadLetterQueueUrl()).endsWith(name + SqsQueues.DEAD_LETTER_SUFFIX);
    // ElasticMQ accepts MessageRetentionPeriod but does not report it back, so only the policy
    // shows
    String policy =
        client
            .getQueueAttributes(
                r -> r.queueUrl(first.queueUrl()).attributeNames(QueueAttributeName.REDRIVE_POLICY))
            .attributes()
            .get(QueueAttributeName.REDRIVE_POLICY);
    assertThat(policy)
        .contains(name + SqsQueues.DEAD_LETTER_SUFFIX)
        .containsPattern("\"maxReceiveCount\":\"?3\"?");
  }

  @Test
  void queue_names_sqs_refuses_are_rejected_before_any_call() {
    assertThatThrownBy(() -> SqsQueues.createIfMissing(client, "has space", 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SqsQueues.createIfMissing(client, "x".repeat(77), 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SqsQueues.createIfMissing(client, "jobs", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- what SqsJobQueueTest skips, with SQS semantics ---

  @Test
  void sent_at_is_the_engines_send_time() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    queue.send(OutgoingMessage.of("job"));
    Instant after = Instant.now();

    assertThat(receiveOne().sentAt()).isBetween(before, after);
  }

  @Test
  void dead_letter_keeps_id_body_attributes_and_send_time_and_counts_the_deliveries_it_had() {
    MessageId id = queue.send(OutgoingMessage.of("poison ☠").withAttribute("correlationId", "c-7"));
    Instant sentAt = null;
    for (int delivery = 1; delivery <= JobQueue.DEFAULT_MAX_RECEIVES; delivery++) {
      ReceivedMessage m = receiveOne();
      assertThat(m.receiveCount()).isEqualTo(delivery);
      sentAt = m.sentAt();
      advance(PAST_LEASE);
    }
    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();

    List<DeadLetter> dead = queue.listDeadLetters(10);
    assertThat(queue.listDeadLetters(10)).isEqualTo(dead);
    assertThat(dead).hasSize(1);
    DeadLetter letter = dead.getFirst();
    assertThat(letter.id()).isEqualTo(id);
    assertThat(letter.body()).isEqualTo("poison ☠");
    assertThat(letter.attributes()).isEqualTo(Map.of("correlationId", "c-7"));
    assertThat(letter.receiveCount()).isEqualTo(JobQueue.DEFAULT_MAX_RECEIVES);
    assertThat(letter.sentAt()).isEqualTo(sentAt);
    assertThat(letter.deadLetteredAt()).isBetween(sentAt, server.now());
  }

  @Test
  void redrive_sends_the_oldest_dead_letters_back_as_new_messages_and_keeps_the_rest() {
    queue = newQueue(1);
    MessageId a = deadLetter(OutgoingMessage.of("a").withAttribute("k", "v"));
    MessageId b = deadLetter(OutgoingMessage.of("b"));
    MessageId c = deadLetter(OutgoingMessage.of("c"));
    assertThat(queue.listDeadLetters(10)).extracting(DeadLetter::id).containsExactly(a, b, c);

    assertThat(queue.redriveDeadLetters(2)).isEqualTo(2);

    assertThat(queue.listDeadLetters(10)).extracting(DeadLetter::id).containsExactly(c);
    List<ReceivedMessage> back = queue.receive(ReceiveRequest.of(10, LONG_LEASE));
    assertThat(back).extracting(ReceivedMessage::body).containsExactlyInAnyOrder("a", "b");
    assertThat(back).extracting(ReceivedMessage::receiveCount).containsOnly(1);
    assertThat(back).extracting(ReceivedMessage::id).doesNotContain(a, b);
    assertThat(back)
        .filteredOn(m -> m.body().equals("a"))
        .singleElement()
        .satisfies(m -> assertThat(m.attributes()).isEqualTo(Map.of("k", "v")));
    assertThat(queue.redriveDeadLetters(0)).isZero();
    assertThat(queue.approximateDepth().deadLettered()).isEqualTo(1);
  }

  @Test
  void approximate_depth_counts_visible_leased_delayed_and_dead_messages() {
    queue = newQueue(1);
    deadLetter(OutgoingMessage.of("dead"));
    queue.send(OutgoingMessage.of("in flight"));
    ReceivedMessage leased = receiveOne();
    queue.send(OutgoingMessage.of("visible"));
    queue.send(OutgoingMessage.of("delayed").withDelay(Duration.ofMinutes(5)));

    assertThat(queue.approximateDepth()).isEqualTo(new QueueDepth(1, 1, 1, 1));
    assertThat(queue.delete(leased.receipt())).isTrue();
    assertThat(queue.approximateDepth()).isEqualTo(new QueueDepth(1, 0, 1, 1));
  }

  // --- helpers ---

  private ReceivedMessage receiveOne() {
    List<ReceivedMessage> got = queue.receive(ReceiveRequest.of(10, LEASE));
    assertThat(got).hasSize(1);
    return got.getFirst();
  }

  private List<String> drainBodies(int expected) {
    List<String> bodies = new ArrayList<>();
    for (int tries = 0; bodies.size() < expected && tries < expected + 10; tries++) {
      queue.receive(ReceiveRequest.of(10, LONG_LEASE)).forEach(m -> bodies.add(m.body()));
    }
    return bodies;
  }

  /** Sends into an otherwise empty queue and receives until the redrive policy moves it. */
  private MessageId deadLetter(OutgoingMessage message) {
    MessageId id = queue.send(message);
    int receives = 0;
    while (!queue.receive(ReceiveRequest.of(10, LEASE)).isEmpty()) {
      assertThat(++receives).isLessThanOrEqualTo(JobQueue.DEFAULT_MAX_RECEIVES);
      advance(PAST_LEASE);
    }
    return id;
  }

  private void advance(Duration d) {
    server.advance(d);
    ElasticMq.nudge(client, urls.queueUrl());
  }

  /** Hands batches to the real engine with the second entry's body made unsendable. */
  private record CorruptingSecondEntry(SqsClient engine) implements SqsClient {
    @Override
    public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>(request.entries());
      entries.set(1, entries.get(1).toBuilder().messageBody("nul \u0000 inside").build());
      return engine.sendMessageBatch(request.toBuilder().entries(entries).build());
    }

    @Override
    public String serviceName() {
      return SERVICE_NAME;
    }

    @Override
    public void close() {}
  }

  /** An engine that accepts the first entry of a batch and fails the second on its side. */
  private static final class EngineFailsSecondEntry implements SqsClient {
    @Override
    public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
      return SendMessageBatchResponse.builder()
          .successful(SendMessageBatchResultEntry.builder().id("0").messageId("m-0").build())
          .failed(
              BatchResultErrorEntry.builder()
                  .id("1")
                  .code("InternalError")
                  .message("try again")
                  .senderFault(false)
                  .build())
          .build();
    }

    @Override
    public String serviceName() {
      return SERVICE_NAME;
    }

    @Override
    public void close() {}
  }
}
