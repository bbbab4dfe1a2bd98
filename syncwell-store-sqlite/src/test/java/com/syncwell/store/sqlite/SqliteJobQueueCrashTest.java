package com.syncwell.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.QueueDepth;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kill -9 of consumer and producer processes ({@link QueueCrashChild}) on the queue's file: no
 * message is lost, none is acknowledged twice, and the file stays sound.
 */
class SqliteJobQueueCrashTest {
  private static final Logger log = LoggerFactory.getLogger(SqliteJobQueueCrashTest.class);
  private static final String QUEUE = "crash-test";
  private static final int MESSAGES = 400;
  private static final int KILLS = 3;
  @TempDir Path dir;

  private Path dbFile;
  private Path logFile;
  private ChildJvm children;

  @BeforeEach
  void files() {
    dbFile = dir.resolve("syncwell.db");
    children = new ChildJvm(dir, QueueCrashChild.class);
    logFile = children.logFile();
  }

  @AfterEach
  void killLeftovers() {
    children.close();
  }

  @RepeatedTest(5)
  void consumer_killed_mid_batch_loses_nothing_and_acknowledges_each_message_once()
      throws Exception {
    long started = System.nanoTime();
    try (SqliteDatabase db = SqliteDatabase.open(dbFile)) {
      JobQueue queue =
          new SqliteJobQueue(db, QUEUE, Clock.systemUTC(), QueueCrashChild.MAX_RECEIVES);
      Set<String> sent = sendAll(queue);

      for (int kill = 0; kill < KILLS; kill++) {
        int target = children.count("processed") + 60 + ThreadLocalRandom.current().nextInt(40);
        Process child = children.start("consume", dbFile.toString(), QUEUE, logFile.toString());
        children.awaitLines("processed", target, child);
        children.kill(child);
      }
      Process last = children.start("consume", dbFile.toString(), QUEUE, logFile.toString());
      assertThat(last.waitFor(ChildJvm.BOUND_NANOS, TimeUnit.NANOSECONDS))
          .as("consumer finished")
          .isTrue();
      assertThat(last.exitValue()).as("consumer exit code; see %s", children.output()).isZero();

      Map<String, List<String>> events = children.eventsById();
      assertThat(events.keySet()).as("ids processed").containsExactlyInAnyOrderElementsOf(sent);
      events.forEach(SqliteJobQueueCrashTest::assertAcknowledgedOnceOrDeletedUnlogged);
      assertThat(queue.approximateDepth()).isEqualTo(new QueueDepth(0, 0, 0, 0));
      assertThat(queue.listDeadLetters(10)).isEmpty();
      assertThat(db.integrityCheck()).isEqualTo("ok");
      log.info(
          "consumer crash run: {} ms, {} processings of {} messages, {} acks not logged",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
          events.values().stream()
              .mapToLong(e -> e.stream().filter("processed"::equals).count())
              .sum(),
          MESSAGES,
          events.values().stream().filter(e -> e.getLast().equals("acking")).count());
    }
  }

  @Test
  void producer_killed_mid_stream_loses_no_message_it_saw_sent() throws Exception {
    long started = System.nanoTime();
    try (SqliteDatabase db = SqliteDatabase.open(dbFile)) {
      JobQueue queue =
          new SqliteJobQueue(db, QUEUE, Clock.systemUTC(), QueueCrashChild.MAX_RECEIVES);
      Process child =
          children.start("produce", dbFile.toString(), QUEUE, logFile.toString(), "1000000");
      children.awaitLines("sent", 300, child);
      children.kill(child);

      Set<String> logged = children.eventsById().keySet();
      Set<String> received = new HashSet<>();
      for (List<ReceivedMessage> got = receive(queue); !got.isEmpty(); got = receive(queue)) {
        got.forEach(m -> received.add(m.id().value()));
      }

      assertThat(received).containsAll(logged);
      assertThat(received.size() - logged.size()).as("sent but not yet logged").isBetween(0, 1);
      assertThat(db.integrityCheck()).isEqualTo("ok");
      log.info(
          "producer crash run: {} ms, {} sends logged",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
          logged.size());
    }
  }

  private static void assertAcknowledgedOnceOrDeletedUnlogged(String id, List<String> events) {
    assertThat(events).as("events of %s", id).contains("processed").doesNotContain("stale");
    assertThat(events.stream().filter("acked"::equals).count())
        .as("acks of %s: %s", id, events)
        .isLessThanOrEqualTo(1);
    assertThat(events.getLast()).as("last event of %s: %s", id, events).isIn("acked", "acking");
  }

  private static Set<String> sendAll(JobQueue queue) {
    Set<String> ids = new HashSet<>();
    for (int b = 0; b < MESSAGES / 10; b++) {
      int base = b * 10;
      queue
          .sendBatch(
              IntStream.range(base, base + 10)
                  .mapToObj(i -> OutgoingMessage.of("job " + i))
                  .toList())
          .forEach(id -> ids.add(id.value()));
    }
    return ids;
  }

  private static List<ReceivedMessage> receive(JobQueue queue) {
    return queue.receive(ReceiveRequest.of(10, Duration.ofHours(1)));
  }
}
