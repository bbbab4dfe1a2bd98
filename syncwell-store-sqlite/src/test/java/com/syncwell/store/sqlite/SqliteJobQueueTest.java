package com.syncwell.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.MessageId;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.QueueDepth;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import com.syncwell.testkit.JobQueueContract;
import com.syncwell.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job-queue contract on SQLite, plus what only a file-backed queue can show. */
class SqliteJobQueueTest extends JobQueueContract {
  @TempDir Path dir;

  private final List<SqliteDatabase> opened = new ArrayList<>();
  private SqliteDatabase db;
  private int queues;

  /** Queues with distinct names on one database file per test. */
  @Override
  protected JobQueue newQueue(MutableClock clock, int maxReceives) {
    if (db == null) {
      db = open();
    }
    queues++;
    return new SqliteJobQueue(db, "jobs-" + queues, clock, maxReceives);
  }

  @AfterEach
  void closeDatabases() {
    opened.forEach(SqliteDatabase::close);
  }

  private SqliteDatabase open() {
    SqliteDatabase database = SqliteDatabase.open(dir.resolve("syncwell.db"));
    opened.add(database);
    return database;
  }

  private String name() {
    return ((SqliteJobQueue) queue).name();
  }

  @Test
  void messages_survive_closing_and_reopening_the_file() {
    MessageId leased = send("leased");
    receiveOne();
    MessageId waiting = queue.send(OutgoingMessage.of("waiting").withAttribute("k", "ü"));
    db.close();

    JobQueue reopened = new SqliteJobQueue(open(), name(), clock, JobQueue.DEFAULT_MAX_RECEIVES);

    assertThat(reopened.approximateDepth()).isEqualTo(new QueueDepth(1, 1, 0, 0));
    ReceivedMessage first = reopened.receive(ReceiveRequest.of(10, LEASE)).getFirst();
    assertThat(first.id()).isEqualTo(waiting);
    assertThat(first.attributes()).containsEntry("k", "ü");
    advance(LEASE.plusSeconds(1));
    ReceivedMessage second = reopened.receive(ReceiveRequest.of(10, LEASE)).getFirst();
    assertThat(second.id()).isEqualTo(leased);
    assertThat(second.receiveCount()).isEqualTo(2);
  }

  @Test
  void long_poll_sees_a_message_sent_by_another_process() throws Exception {
    JobQueue elsewhere = new SqliteJobQueue(open(), name(), clock, JobQueue.DEFAULT_MAX_RECEIVES);
    Future<List<ReceivedMessage>> poll = longPoll(Duration.ofSeconds(10));

    MessageId id = elsewhere.send(OutgoingMessage.of("from another process"));

    assertThat(poll.get(60, TimeUnit.SECONDS))
        .singleElement()
        .satisfies(m -> assertThat(m.id()).isEqualTo(id));
  }

  @Test
  void messages_are_received_in_order_of_visible_time_then_of_sending() {
    MessageId late = queue.send(OutgoingMessage.of("late").withDelay(Duration.ofSeconds(10)));
    MessageId a = send("a");
    MessageId b = send("b");
    advance(Duration.ofSeconds(11));

    assertThat(queue.receive(ReceiveRequest.of(10, LEASE)))
        .extracting(ReceivedMessage::id)
        .containsExactly(a, b, late);
  }

  @Test
  void receipt_handle_is_the_message_id_and_a_random_128_bit_token() {
    MessageId id = send("job");

    String handle = receiveOne().receipt().value();

    assertThat(handle).startsWith(id.value() + ":").matches(".+:[0-9a-f]{32}");
  }

  @Test
  void schema_is_migrated_once_as_the_queue_component() {
    newQueue(clock, 3);

    assertThat(db.schemaVersion("queue")).isEqualTo(QueueTable.SCHEMA.size());
  }

  @Test
  void queue_name_and_max_receives_are_validated() {
    assertThatThrownBy(() -> new SqliteJobQueue(db, "no spaces", clock, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SqliteJobQueue(db, "x".repeat(81), clock, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SqliteJobQueue(db, "jobs", clock, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
