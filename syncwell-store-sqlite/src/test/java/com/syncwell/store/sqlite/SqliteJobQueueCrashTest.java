package com.syncwell.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.QueueDepth;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
  private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(60);

  @TempDir Path dir;

  private Path dbFile;
  private Path logFile;
  private final List<Process> children = new ArrayList<>();

  @BeforeEach
  void files() {
    dbFile = dir.resolve("syncwell.db");
    logFile = dir.resolve("work.log");
  }

  @AfterEach
  void killLeftovers() {
    children.forEach(Process::destroyForcibly);
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
        int target = count("processed") + 60 + ThreadLocalRandom.current().nextInt(40);
        Process child = start("consume", dbFile.toString(), QUEUE, logFile.toString());
        awaitLines("processed", target, child);
        kill(child);
      }
      Process last = start("consume", dbFile.toString(), QUEUE, logFile.toString());
      assertThat(last.waitFor(BOUND_NANOS, TimeUnit.NANOSECONDS)).as("consumer finished").isTrue();
      assertThat(last.exitValue()).as("consumer exit code; see %s", childOutput()).isZero();

      Map<String, List<String>> events = eventsById();
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
      Process child = start("produce", dbFile.toString(), QUEUE, logFile.toString(), "1000000");
      awaitLines("sent", 300, child);
      kill(child);

      Set<String> logged = eventsById().keySet();
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

  private Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(QueueCrashChild.class.getName());
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(dir.resolve("child.out").toFile()))
            .start();
    children.add(p);
    return p;
  }

  /** SIGKILL on Linux; asserts the child was still at work, so the kill hit it mid-stream. */
  private void kill(Process child) throws InterruptedException {
    assertThat(child.isAlive())
        .as("child still at work when killed; see %s", childOutput())
        .isTrue();
    child.destroyForcibly();
    assertThat(child.waitFor(BOUND_NANOS, TimeUnit.NANOSECONDS)).as("killed child gone").isTrue();
  }

  /** Polls the log until it has {@code n} lines starting with {@code event}, or fails. */
  private void awaitLines(String event, int n, Process child) throws Exception {
    long deadline = System.nanoTime() + BOUND_NANOS;
    while (count(event) < n) {
      assertThat(child.isAlive())
          .as("child died before %d '%s' lines; see %s", n, event, childOutput())
          .isTrue();
      assertThat(System.nanoTime()).as("%d '%s' lines in time", n, event).isLessThan(deadline);
      Thread.sleep(2);
    }
  }

  private int count(String event) throws IOException {
    if (!Files.exists(logFile)) {
      return 0;
    }
    String prefix = event + " ";
    return (int) Files.readAllLines(logFile).stream().filter(l -> l.startsWith(prefix)).count();
  }

  /** Each message id's events in log order ("processed", "acking", "acked", "sent", ...). */
  private Map<String, List<String>> eventsById() throws IOException {
    Map<String, List<String>> events = new LinkedHashMap<>();
    for (String line : Files.readAllLines(logFile)) {
      String[] parts = line.split(" ", 2);
      assertThat(parts).as("log line '%s'", line).hasSize(2);
      events.computeIfAbsent(parts[1], id -> new ArrayList<>()).add(parts[0]);
    }
    return events;
  }

  private String childOutput() {
    try {
      Path out = dir.resolve("child.out");
      return Files.exists(out) ? Files.readString(out) : "(no output)";
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
