package com.syncwell.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link JobQueue} adapter proves (ARCHITECTURE.md §6): SQS standard-queue
 * semantics. Written against the port only. Time passes through {@link #advance} alone, so an
 * adapter on a real-time engine can override it; nothing here sleeps.
 */
public abstract class JobQueueContract {
  /** The lease most tests take; short, in whole seconds, so real-time engines stay quick. */
  protected static final Duration LEASE = Duration.ofSeconds(5);

  private static final Duration PAST_LEASE = LEASE.plusSeconds(1);
  private static final Duration LONG_LEASE = Duration.ofHours(1);
  private static final long BOUND_SECONDS = 60;

  protected MutableClock clock;
  protected JobQueue queue;
  private final List<ExecutorService> pools = new ArrayList<>();

  /** A new, empty queue whose delays and leases follow {@code clock}. */
  protected abstract JobQueue newQueue(MutableClock clock, int maxReceives);

  /** Lets time pass for the queue; a real-time engine may wait instead. */
  protected void advance(Duration d) {
    clock.advance(d);
  }

  /**
   * Whether {@link JobQueue#delete} and {@link JobQueue#changeVisibility} tell a handle that is not
   * the current lease (SQS accepts some of them silently).
   */
  protected boolean rejectsStaleReceipts() {
    return true;
  }

  @BeforeEach
  void createQueue() {
    clock = MutableClock.startingAtNewYear();
    queue = newQueue(clock, JobQueue.DEFAULT_MAX_RECEIVES);
  }

  @AfterEach
  void stopThreads() {
    pools.forEach(ExecutorService::shutdownNow);
  }

  // --- sending and receiving ---

  @Test
  void sent_message_is_received_with_its_body_and_attributes() {
    String body = "Schritte: 10 000 🏃‍♀️ — 心拍数 ❤️ «sleep»\n\t\"quoted\" \\ {\"json\": [1]}";
    OutgoingMessage message =
        OutgoingMessage.of(body)
            .withAttribute("correlationId", "c-42")
            .withAttribute("trace.parent", "00-Zürich-✓-01");

    MessageId id = queue.send(message);
    ReceivedMessage received = receiveOne();

    assertThat(received.id()).isEqualTo(id);
    assertThat(received.body()).isEqualTo(body);
    assertThat(received.attributes())
        .isEqualTo(Map.of("correlationId", "c-42", "trace.parent", "00-Zürich-✓-01"));
    assertThat(received.receiveCount()).isEqualTo(1);
  }

  @Test
  void sent_at_is_taken_from_the_queue_clock() {
    advance(Duration.ofMinutes(7));
    Instant before = clock.instant();
    queue.send(OutgoingMessage.of("job"));
    Instant after = clock.instant();

    assertThat(receiveOne().sentAt()).isBetween(before, after);
  }

  @Test
  void every_message_gets_its_own_id() {
    List<MessageId> ids = IntStream.range(0, 5).mapToObj(i -> send("same body")).toList();

    assertThat(new HashSet<>(ids)).hasSize(5);
  }

  @Test
  void receive_from_an_empty_queue_without_waiting_returns_nothing() {
    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
  }

  @Test
  void receive_returns_at_most_max_messages_and_at_most_what_exists() {
    List<MessageId> sent = IntStream.range(0, 7).mapToObj(i -> send("m" + i)).toList();

    List<ReceivedMessage> first = queue.receive(ReceiveRequest.of(3, LEASE));
    List<ReceivedMessage> rest = queue.receive(ReceiveRequest.of(10, LEASE));

    assertThat(first).hasSize(3);
    assertThat(rest).hasSize(4);
    assertThat(ids(first, rest)).containsExactlyInAnyOrderElementsOf(sent);
  }

  // --- leases ---

  @Test
  void claimed_job_is_invisible_to_other_workers() {
    send("job");
    receiveOne();

    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
  }

  @Test
  void leased_message_stays_invisible_until_its_visibility_timeout_has_passed() {
    MessageId id = send("job");
    receiveOne();

    advance(LEASE.minusSeconds(1));
    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
    advance(Duration.ofSeconds(2));
    assertThat(receiveOne().id()).isEqualTo(id);
  }

  @Test
  void redelivery_keeps_the_message_and_raises_its_receive_count_with_a_new_receipt() {
    MessageId id = queue.send(OutgoingMessage.of("job").withAttribute("attempt", "any"));
    ReceivedMessage first = receiveOne();
    advance(PAST_LEASE);
    ReceivedMessage second = receiveOne();
    advance(PAST_LEASE);
    ReceivedMessage third = receiveOne();

    assertThat(List.of(first.id(), second.id(), third.id())).containsOnly(id);
    assertThat(List.of(first.receiveCount(), second.receiveCount(), third.receiveCount()))
        .containsExactly(1, 2, 3);
    assertThat(third.body()).isEqualTo("job");
    assertThat(third.attributes()).isEqualTo(Map.of("attempt", "any"));
    assertThat(third.sentAt()).isEqualTo(first.sentAt());
    assertThat(new HashSet<>(List.of(first.receipt(), second.receipt(), third.receipt())))
        .hasSize(3);
  }

  // --- delays ---

  @Test
  void delayed_message_stays_hidden_until_its_delay_has_passed() {
    MessageId id = queue.send(OutgoingMessage.of("later").withDelay(Duration.ofSeconds(10)));

    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
    advance(Duration.ofSeconds(9));
    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
    advance(Duration.ofSeconds(2));
    assertThat(receiveOne().id()).isEqualTo(id);
  }

  @Test
  void delay_of_fifteen_minutes_is_accepted_and_one_second_more_is_rejected() {
    queue.send(OutgoingMessage.of("max").withDelay(Duration.ofMinutes(15)));

    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
    assertThat(queue.approximateDepth().delayed()).isEqualTo(1);
    assertThatThrownBy(
            () ->
                queue.send(
                    OutgoingMessage.of("x").withDelay(Duration.ofMinutes(15).plusSeconds(1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- batches ---

  @Test
  void batch_of_ten_is_sent_with_distinct_ids_in_message_order() {
    List<OutgoingMessage> batch =
        IntStream.range(0, 10).mapToObj(i -> OutgoingMessage.of("m" + i)).toList();

    List<MessageId> ids = queue.sendBatch(batch);
    List<ReceivedMessage> received = drain(10);

    assertThat(ids).hasSize(10).doesNotHaveDuplicates();
    assertThat(received).hasSize(10);
    for (ReceivedMessage m : received) {
      assertThat(m.body()).isEqualTo("m" + ids.indexOf(m.id()));
    }
  }

  @Test
  void batch_messages_keep_their_own_delays() {
    List<MessageId> ids =
        queue.sendBatch(
            List.of(
                OutgoingMessage.of("now"),
                OutgoingMessage.of("later").withDelay(Duration.ofSeconds(30))));

    assertThat(ids(queue.receive(ReceiveRequest.of(10, LONG_LEASE)))).containsExactly(ids.get(0));
    advance(Duration.ofSeconds(31));
    assertThat(ids(queue.receive(ReceiveRequest.of(10, LONG_LEASE)))).containsExactly(ids.get(1));
  }

  @Test
  void batch_of_eleven_messages_is_rejected_and_sends_nothing() {
    List<OutgoingMessage> batch =
        IntStream.range(0, 11).mapToObj(i -> OutgoingMessage.of("m" + i)).toList();

    assertThatThrownBy(() -> queue.sendBatch(batch)).isInstanceOf(IllegalArgumentException.class);
    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
  }

  @Test
  void empty_batch_is_rejected() {
    assertThatThrownBy(() -> queue.sendBatch(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- message limits ---

  @Test
  void body_of_exactly_256_kib_is_accepted_and_round_trips() {
    String body = "€".repeat(87_381) + "a"; // 3 bytes each in UTF-8: 262,144 bytes in all
    queue.send(OutgoingMessage.of(body));

    assertThat(receiveOne().body()).isEqualTo(body);
  }

  @Test
  void body_one_byte_over_256_kib_is_rejected() {
    assertThatThrownBy(() -> queue.send(OutgoingMessage.of("a".repeat(256 * 1024 + 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void attributes_count_toward_the_size_limit() {
    String body = "a".repeat(256 * 1024 - 10);

    queue.send(OutgoingMessage.of(body).withAttribute("k", "v".repeat(9)));
    assertThatThrownBy(
            () -> queue.send(OutgoingMessage.of(body).withAttribute("k", "v".repeat(10))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(receiveOne().attributes()).containsEntry("k", "v".repeat(9));
  }

  @Test
  void empty_body_is_rejected() {
    assertThatThrownBy(() -> queue.send(OutgoingMessage.of("")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ten_attributes_are_accepted_and_more_are_rejected() {
    OutgoingMessage ten = OutgoingMessage.of("job");
    for (int i = 0; i < 10; i++) {
      ten = ten.withAttribute("a" + i, "v" + i);
    }
    queue.send(ten);
    OutgoingMessage full = ten;

    assertThatThrownBy(() -> queue.send(full.withAttribute("a10", "v10")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(receiveOne().attributes()).hasSize(10).containsEntry("a9", "v9");
  }

  @Test
  void receive_arguments_out_of_range_are_rejected() {
    Duration w = Duration.ZERO;
    assertThatThrownBy(() -> queue.receive(new ReceiveRequest(0, w, LEASE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queue.receive(new ReceiveRequest(11, w, LEASE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queue.receive(new ReceiveRequest(1, Duration.ofMillis(20_001), LEASE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queue.receive(new ReceiveRequest(1, w, Duration.ofSeconds(-1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> queue.receive(new ReceiveRequest(1, w, Duration.ofHours(12).plusSeconds(1))))
        .isInstanceOf(IllegalArgumentException.class);
    send("job");
    assertThat(queue.receive(new ReceiveRequest(10, w, Duration.ofHours(12)))).hasSize(1);
  }

  // --- delete ---

  @Test
  void deleted_message_is_never_delivered_again() {
    send("job");
    ReceivedMessage m = receiveOne();

    assertThat(queue.delete(m.receipt())).isTrue();
    advance(Duration.ofHours(13));
    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
    assertThat(queue.approximateDepth()).isEqualTo(new QueueDepth(0, 0, 0, 0));
  }

  @Test
  void deleting_twice_returns_false_the_second_time() {
    send("job");
    ReceivedMessage m = receiveOne();

    assertThat(queue.delete(m.receipt())).isTrue();
    assertThat(queue.delete(m.receipt())).isFalse();
  }

  @Test
  void holder_of_the_current_lease_can_delete_after_it_expired_if_nobody_received_it_since() {
    send("job");
    ReceivedMessage m = receiveOne();
    advance(PAST_LEASE);

    assertThat(queue.delete(m.receipt())).isTrue();
    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
  }

  @Test
  void stale_receipt_cannot_delete_once_the_message_was_delivered_again() {
    assumeTrue(rejectsStaleReceipts());
    send("job");
    ReceivedMessage first = receiveOne();
    advance(PAST_LEASE);
    ReceivedMessage second = receiveOne();

    assertThat(queue.delete(first.receipt())).isFalse();
    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
    assertThat(queue.approximateDepth().inFlight()).isEqualTo(1);
    assertThat(queue.delete(second.receipt())).isTrue();
  }

  @Test
  void malformed_receipt_is_refused_without_an_error() {
    send("job");
    ReceivedMessage m = receiveOne();
    ReceiptHandle junk = new ReceiptHandle("not a receipt handle");

    assertThat(queue.delete(junk)).isFalse();
    assertThat(queue.changeVisibility(junk, Duration.ZERO)).isFalse();
    assertThat(queue.delete(m.receipt())).isTrue();
  }

  @Test
  void forged_receipt_cannot_delete_or_change_visibility() {
    assumeTrue(rejectsStaleReceipts());
    send("job");
    ReceivedMessage m = receiveOne();
    String real = m.receipt().value();
    char last = real.charAt(real.length() - 1);
    ReceiptHandle forged =
        new ReceiptHandle(real.substring(0, real.length() - 1) + (last == 'a' ? 'b' : 'a'));

    assertThat(queue.delete(forged)).isFalse();
    assertThat(queue.changeVisibility(forged, Duration.ZERO)).isFalse();
    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
    assertThat(queue.delete(m.receipt())).isTrue();
  }

  // --- change visibility ---

  @Test
  void change_visibility_extends_the_lease() {
    MessageId id = send("long job");
    ReceivedMessage m = receiveOne();
    advance(Duration.ofSeconds(1));

    assertThat(queue.changeVisibility(m.receipt(), Duration.ofSeconds(60))).isTrue();
    advance(PAST_LEASE);
    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
    advance(Duration.ofSeconds(60));
    ReceivedMessage again = receiveOne();
    assertThat(again.id()).isEqualTo(id);
    assertThat(again.receiveCount()).isEqualTo(2);
  }

  @Test
  void change_visibility_to_zero_releases_the_message_at_once() {
    MessageId id = send("job");
    ReceivedMessage m = receiveOne();

    assertThat(queue.changeVisibility(m.receipt(), Duration.ZERO)).isTrue();
    ReceivedMessage again = receiveOne();
    assertThat(again.id()).isEqualTo(id);
    assertThat(again.receiveCount()).isEqualTo(2);
  }

  @Test
  void change_visibility_after_the_lease_expired_returns_false() {
    MessageId id = send("job");
    ReceivedMessage m = receiveOne();
    advance(PAST_LEASE);

    assertThat(queue.changeVisibility(m.receipt(), Duration.ofSeconds(60))).isFalse();
    assertThat(receiveOne().id()).isEqualTo(id);
  }

  @Test
  void stale_receipt_cannot_change_visibility() {
    assumeTrue(rejectsStaleReceipts());
    send("job");
    ReceivedMessage first = receiveOne();
    advance(PAST_LEASE);
    receiveOne();

    assertThat(queue.changeVisibility(first.receipt(), Duration.ZERO)).isFalse();
    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
  }

  @Test
  void change_visibility_timeout_out_of_range_is_rejected() {
    send("job");
    ReceivedMessage m = receiveOne();

    assertThatThrownBy(() -> queue.changeVisibility(m.receipt(), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> queue.changeVisibility(m.receipt(), Duration.ofHours(12).plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(queue.changeVisibility(m.receipt(), Duration.ofHours(12))).isTrue();
  }

  // --- dead letters ---

  @Test
  void message_is_dead_lettered_after_max_receives_deliveries() {
    MessageId id = queue.send(OutgoingMessage.of("poison ☠").withAttribute("correlationId", "c-7"));
    Instant sentAt = clock.instant();
    for (int delivery = 1; delivery <= JobQueue.DEFAULT_MAX_RECEIVES; delivery++) {
      assertThat(receiveOne().receiveCount()).isEqualTo(delivery);
      advance(PAST_LEASE);
    }
    Instant before = clock.instant();

    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
    Instant after = clock.instant();
    List<DeadLetter> dead = queue.listDeadLetters(10);
    assertThat(dead).hasSize(1);
    DeadLetter letter = dead.getFirst();
    assertThat(letter.id()).isEqualTo(id);
    assertThat(letter.body()).isEqualTo("poison ☠");
    assertThat(letter.attributes()).isEqualTo(Map.of("correlationId", "c-7"));
    assertThat(letter.receiveCount()).isEqualTo(JobQueue.DEFAULT_MAX_RECEIVES);
    assertThat(letter.sentAt()).isEqualTo(sentAt);
    assertThat(letter.deadLetteredAt()).isBetween(before, after);
  }

  @Test
  void dead_lettered_message_is_never_received_again() {
    deadLetter("poison");
    advance(Duration.ofHours(13));

    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
  }

  @Test
  void max_receives_is_configurable() {
    queue = newQueue(clock, 1);
    MessageId id = send("fragile");
    receiveOne();
    advance(PAST_LEASE);

    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
    assertThat(queue.listDeadLetters(10))
        .singleElement()
        .satisfies(d -> assertThat(d.id()).isEqualTo(id))
        .satisfies(d -> assertThat(d.receiveCount()).isEqualTo(1));
  }

  @Test
  void listing_dead_letters_does_not_remove_them() {
    MessageId id = deadLetter("poison");

    assertThat(queue.listDeadLetters(10)).extracting(DeadLetter::id).containsExactly(id);
    assertThat(queue.listDeadLetters(10)).extracting(DeadLetter::id).containsExactly(id);
    assertThat(queue.approximateDepth().deadLettered()).isEqualTo(1);
  }

  @Test
  void dead_letters_are_listed_oldest_first_up_to_max() {
    MessageId a = deadLetter("a");
    advance(Duration.ofMinutes(1));
    MessageId b = deadLetter("b");
    advance(Duration.ofMinutes(1));
    MessageId c = deadLetter("c");

    assertThat(queue.listDeadLetters(2)).extracting(DeadLetter::id).containsExactly(a, b);
    assertThat(queue.listDeadLetters(10)).extracting(DeadLetter::id).containsExactly(a, b, c);
  }

  @Test
  void redrive_returns_dead_letters_to_the_queue_with_a_fresh_receive_count() {
    MessageId id = queue.send(OutgoingMessage.of("retry me").withAttribute("k", "v"));
    Instant sentAt = clock.instant();
    exhaustDeliveries();

    assertThat(queue.redriveDeadLetters(10)).isEqualTo(1);
    assertThat(queue.listDeadLetters(10)).isEmpty();
    ReceivedMessage m = receiveOne();
    assertThat(m.id()).isEqualTo(id);
    assertThat(m.body()).isEqualTo("retry me");
    assertThat(m.attributes()).isEqualTo(Map.of("k", "v"));
    assertThat(m.receiveCount()).isEqualTo(1);
    assertThat(m.sentAt()).isEqualTo(sentAt);
  }

  @Test
  void redrive_moves_at_most_max_dead_letters_oldest_first() {
    MessageId a = deadLetter("a");
    advance(Duration.ofMinutes(1));
    MessageId b = deadLetter("b");
    advance(Duration.ofMinutes(1));
    MessageId c = deadLetter("c");

    assertThat(queue.redriveDeadLetters(2)).isEqualTo(2);
    assertThat(queue.listDeadLetters(10)).extracting(DeadLetter::id).containsExactly(c);
    assertThat(ids(drain(2))).containsExactlyInAnyOrder(a, b);
  }

  @Test
  void negative_dead_letter_counts_are_rejected() {
    assertThatThrownBy(() -> queue.listDeadLetters(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queue.redriveDeadLetters(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- depth ---

  @Test
  void approximate_depth_counts_every_state() {
    assertThat(queue.approximateDepth()).isEqualTo(new QueueDepth(0, 0, 0, 0));
    deadLetter("dead");
    send("in flight");
    receiveOne();
    send("visible");
    queue.send(OutgoingMessage.of("delayed").withDelay(Duration.ofMinutes(5)));

    QueueDepth depth = queue.approximateDepth();
    assertThat(depth).isEqualTo(new QueueDepth(1, 1, 1, 1));
    assertThat(depth.total()).isEqualTo(3);
    advance(Duration.ofMinutes(6));
    assertThat(queue.approximateDepth()).isEqualTo(new QueueDepth(3, 0, 0, 1));
  }

  // --- isolation ---

  @Test
  void queues_from_separate_factory_calls_do_not_see_each_others_messages() {
    JobQueue other = newQueue(clock, JobQueue.DEFAULT_MAX_RECEIVES);
    deadLetter("my poison");
    MessageId mine = send("mine");
    MessageId theirs = other.send(OutgoingMessage.of("theirs"));

    assertThat(other.approximateDepth()).isEqualTo(new QueueDepth(1, 0, 0, 0));
    assertThat(other.listDeadLetters(10)).isEmpty();
    assertThat(ids(other.receive(ReceiveRequest.of(10, LEASE)))).containsExactly(theirs);
    assertThat(ids(queue.receive(ReceiveRequest.of(10, LEASE)))).containsExactly(mine);
  }

  @Test
  void receipt_of_one_queue_cannot_delete_from_another() {
    JobQueue other = newQueue(clock, JobQueue.DEFAULT_MAX_RECEIVES);
    send("mine");
    ReceivedMessage m = receiveOne();

    assertThat(other.delete(m.receipt())).isFalse();
    assertThat(queue.delete(m.receipt())).isTrue();
  }

  // --- long polling ---

  @Test
  void long_poll_returns_the_message_once_another_thread_sends() throws Exception {
    Future<List<ReceivedMessage>> poll = longPoll(Duration.ofSeconds(10));

    MessageId id = send("wake up");

    assertThat(ids(poll.get(BOUND_SECONDS, TimeUnit.SECONDS))).containsExactly(id);
  }

  @Test
  void long_poll_returns_a_delayed_message_once_its_delay_has_passed() throws Exception {
    MessageId id = queue.send(OutgoingMessage.of("soon").withDelay(Duration.ofSeconds(30)));
    Future<List<ReceivedMessage>> poll = longPoll(Duration.ofSeconds(10));

    advance(Duration.ofSeconds(31));

    assertThat(ids(poll.get(BOUND_SECONDS, TimeUnit.SECONDS))).containsExactly(id);
  }

  @Test
  void long_poll_on_an_empty_queue_waits_for_the_wait_time() {
    long start = System.nanoTime();
    List<ReceivedMessage> got = queue.receive(new ReceiveRequest(1, Duration.ofMillis(200), LEASE));
    long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(got).isEmpty();
    assertThat(waitedMillis).isGreaterThanOrEqualTo(150);
  }

  // --- concurrency ---

  @Test
  void concurrent_consumers_never_receive_the_same_message_twice_and_together_receive_all()
      throws Exception {
    int total = 200;
    List<MessageId> sent = new ArrayList<>();
    for (int b = 0; b < total / 10; b++) {
      int base = b * 10;
      sent.addAll(
          queue.sendBatch(
              IntStream.range(base, base + 10)
                  .mapToObj(i -> OutgoingMessage.of("m" + i))
                  .toList()));
    }
    int consumers = 3;
    ExecutorService pool = pool(consumers);
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<MessageId> received = new ConcurrentLinkedQueue<>();
    AtomicInteger count = new AtomicInteger();
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < consumers; w++) {
      workers.add(
          pool.submit(
              () -> {
                start.await();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
                while (count.get() < total && System.nanoTime() < deadline) {
                  for (ReceivedMessage m : queue.receive(ReceiveRequest.of(10, LONG_LEASE))) {
                    received.add(m.id());
                    count.incrementAndGet();
                  }
                }
                return null;
              }));
    }

    start.countDown();
    for (Future<?> f : workers) {
      f.get(BOUND_SECONDS, TimeUnit.SECONDS);
    }

    assertThat(received).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
  }

  @Test
  void concurrent_senders_lose_nothing() throws Exception {
    int senders = 4;
    int each = 50;
    ExecutorService pool = pool(senders);
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<MessageId> sent = new ConcurrentLinkedQueue<>();
    List<Future<?>> workers = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      int sender = s;
      workers.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < each; i++) {
                  sent.add(send("sender " + sender + " message " + i));
                }
                return null;
              }));
    }

    start.countDown();
    for (Future<?> f : workers) {
      f.get(BOUND_SECONDS, TimeUnit.SECONDS);
    }

    assertThat(sent).hasSize(senders * each).doesNotHaveDuplicates();
    assertThat(queue.approximateDepth().visible()).isEqualTo(senders * each);
    assertThat(ids(drain(senders * each))).containsExactlyInAnyOrderElementsOf(sent);
  }

  // --- helpers ---

  /** Sends a plain message. */
  protected MessageId send(String body) {
    return queue.send(OutgoingMessage.of(body));
  }

  /** Receives exactly one message, leased for {@link #LEASE}. */
  protected ReceivedMessage receiveOne() {
    List<ReceivedMessage> got = queue.receive(ReceiveRequest.of(10, LEASE));
    assertThat(got).hasSize(1);
    return got.getFirst();
  }

  /** Receives until {@code expected} messages came, each leased for an hour; bounded. */
  protected List<ReceivedMessage> drain(int expected) {
    List<ReceivedMessage> all = new ArrayList<>();
    for (int tries = 0; all.size() < expected && tries < expected + 10; tries++) {
      all.addAll(queue.receive(ReceiveRequest.of(10, LONG_LEASE)));
    }
    return all;
  }

  /**
   * Sends a message into an otherwise empty queue (dead letters aside) and receives it until it is
   * dead-lettered.
   */
  private MessageId deadLetter(String body) {
    MessageId id = send(body);
    exhaustDeliveries();
    return id;
  }

  private void exhaustDeliveries() {
    for (int i = 0; i < JobQueue.DEFAULT_MAX_RECEIVES; i++) {
      receiveOne();
      advance(PAST_LEASE);
    }
    assertThat(queue.receive(ReceiveRequest.of(10, LEASE))).isEmpty();
  }

  /**
   * Starts a receive of one message waiting up to {@code wait} on another thread, and returns once
   * that thread is blocked in it (or has returned, or some seconds passed: an engine blocked in a
   * socket read looks runnable).
   */
  protected Future<List<ReceivedMessage>> longPoll(Duration wait) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    AtomicReference<Thread> receiver = new AtomicReference<>();
    Future<List<ReceivedMessage>> poll =
        pool(1)
            .submit(
                () -> {
                  receiver.set(Thread.currentThread());
                  started.countDown();
                  return queue.receive(new ReceiveRequest(1, wait, LEASE));
                });
    assertThat(started.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!poll.isDone()
        && receiver.get().getState() == Thread.State.RUNNABLE
        && System.nanoTime() < deadline) {
      Thread.yield();
    }
    return poll;
  }

  @SafeVarargs
  private static List<MessageId> ids(List<ReceivedMessage>... lists) {
    List<MessageId> ids = new ArrayList<>();
    for (List<ReceivedMessage> list : lists) {
      list.forEach(m -> ids.add(m.id()));
    }
    return ids;
  }

  private ExecutorService pool(int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    pools.add(pool);
    return pool;
  }
}
