package com.syncwell.store.sqlite;

import com.syncwell.engine.port.queue.DeadLetter;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.MessageId;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.QueueDepth;
import com.syncwell.engine.port.queue.ReceiptHandle;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link JobQueue} in the shared SQLite file: one row per message in {@code queue_message}, several
 * named queues side by side, each with its own dead letters. Every operation is one transaction, so
 * a message is durable once {@link #send} returns and two receivers, in this process or another,
 * never lease the same message at once. A long-polling receive wakes at once on a send through this
 * object and re-checks the table every {@value #POLL_MILLIS} ms for sends by other objects or
 * processes and for delays and leases that ran out.
 */
public final class SqliteJobQueue implements JobQueue {
  /** How often a long-polling receive looks at the table, in real milliseconds. */
  static final long POLL_MILLIS = 25;

  private static final Logger log = LoggerFactory.getLogger(SqliteJobQueue.class);
  private static final String SCHEMA_COMPONENT = "queue";
  private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
  private static final int MAX_MAX_RECEIVES = 1000;
  private static final long POLL_NANOS = Duration.ofMillis(POLL_MILLIS).toNanos();

  private final SqliteDatabase db;
  private final String name;
  private final Clock clock;
  private final int maxReceives;
  private final QueueTable table;
  private final ArrivalSignal arrivals = new ArrivalSignal();

  /**
   * Opens the queue {@code queueName} (1 to 80 of A-Z a-z 0-9 _ -) in {@code db}, migrating the
   * schema when needed. {@code maxReceives} (1 to 1000) deliveries are made before a message is
   * dead-lettered; {@code clock} drives delays, leases and timestamps.
   */
  public SqliteJobQueue(SqliteDatabase db, String queueName, Clock clock, int maxReceives) {
    this.db = Objects.requireNonNull(db, "db");
    Objects.requireNonNull(queueName, "queueName");
    if (!QUEUE_NAME.matcher(queueName).matches()) {
      throw new IllegalArgumentException(
          "queue name must be 1 to 80 of A-Z a-z 0-9 _ -, was '" + queueName + "'");
    }
    if (maxReceives < 1 || maxReceives > MAX_MAX_RECEIVES) {
      throw new IllegalArgumentException(
          "maxReceives must be 1 to " + MAX_MAX_RECEIVES + ", was " + maxReceives);
    }
    this.name = queueName;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxReceives = maxReceives;
    this.table = new QueueTable(queueName);
    db.migrate(SCHEMA_COMPONENT, QueueTable.SCHEMA);
  }

  public String name() {
    return name;
  }

  @Override
  public List<MessageId> sendBatch(List<OutgoingMessage> messages) {
    List<OutgoingMessage> batch = JobQueue.requireBatch(messages);
    List<String> ids = new ArrayList<>(batch.size());
    long now = clock.millis();
    for (int i = 0; i < batch.size(); i++) {
      ids.add(MessageIds.next(now));
    }
    db.write(
        c -> {
          table.insert(c, ids, batch, now);
          return null;
        });
    arrivals.announce();
    return ids.stream().map(MessageId::new).toList();
  }

  @Override
  public List<ReceivedMessage> receive(ReceiveRequest request) {
    Objects.requireNonNull(request, "request");
    long deadline = System.nanoTime() + request.waitTime().toNanos();
    long seen = arrivals.count();
    List<ReceivedMessage> received = receiveNow(request);
    while (received.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        arrivals.awaitArrivalAfter(seen, Math.min(left, POLL_NANOS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      seen = arrivals.count();
      if (db.read(c -> table.anyVisible(c, clock.millis()))) {
        received = receiveNow(request);
      }
    }
    return received;
  }

  private List<ReceivedMessage> receiveNow(ReceiveRequest request) {
    List<String> deadLettered = new ArrayList<>();
    List<ReceivedMessage> received =
        db.write(
            c -> {
              deadLettered.clear();
              return lease(c, request, deadLettered);
            });
    for (String id : deadLettered) {
      log.warn("message {} of queue {} dead-lettered after {} receives", id, name, maxReceives);
    }
    return received;
  }

  /**
   * Leases up to {@code maxMessages} visible messages in the caller's transaction, dead-lettering
   * instead those already delivered {@code maxReceives} times and looking further in their place.
   */
  private List<ReceivedMessage> lease(
      SqlSession c, ReceiveRequest request, List<String> deadLettered) throws SQLException {
    long now = clock.millis();
    long leasedUntil = now + request.visibilityTimeout().toMillis();
    int max = request.maxMessages();
    List<ReceivedMessage> received = new ArrayList<>(max);
    Set<Long> looked = new HashSet<>(); // with a 0 s lease a leased row is visible again
    boolean lookFurther = true;
    while (lookFurther && received.size() < max) {
      lookFurther = false;
      for (QueueTable.Row row : table.visible(c, now, max - received.size() + looked.size())) {
        if (received.size() == max || !looked.add(row.seq())) {
          continue;
        }
        if (row.receiveCount() >= maxReceives) {
          table.deadLetter(c, row.seq(), now);
          deadLettered.add(row.id());
          lookFurther = true;
        } else {
          Receipt receipt = Receipt.issue(row.id());
          table.lease(c, row.seq(), leasedUntil, receipt.token());
          received.add(
              new ReceivedMessage(
                  new MessageId(row.id()),
                  row.body(),
                  MessageAttributesJson.decode(row.attributes()),
                  receipt.handle(),
                  row.receiveCount() + 1,
                  Instant.ofEpochMilli(row.sentAt())));
        }
      }
    }
    return received;
  }

  @Override
  public boolean delete(ReceiptHandle receipt) {
    Objects.requireNonNull(receipt, "receipt");
    Optional<Receipt> parsed = Receipt.parse(receipt);
    return parsed.isPresent() && db.write(c -> table.delete(c, parsed.get()));
  }

  @Override
  public boolean changeVisibility(ReceiptHandle receipt, Duration timeout) {
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.compareTo(ReceiveRequest.MAX_VISIBILITY) > 0) {
      throw new IllegalArgumentException("visibility timeout must be 0 to 12 h, was " + timeout);
    }
    Optional<Receipt> parsed = Receipt.parse(receipt);
    if (parsed.isEmpty()) {
      return false;
    }
    boolean changed =
        db.write(
            c -> {
              long now = clock.millis();
              return table.changeVisibility(c, parsed.get(), now, now + timeout.toMillis());
            });
    if (changed && timeout.isZero()) {
      arrivals.announce();
    }
    return changed;
  }

  @Override
  public List<DeadLetter> listDeadLetters(int max) {
    requireCount(max);
    return max == 0 ? List.of() : db.read(c -> table.deadLetters(c, max));
  }

  @Override
  public int redriveDeadLetters(int max) {
    requireCount(max);
    if (max == 0) {
      return 0;
    }
    int moved = db.write(c -> table.redrive(c, max, clock.millis()));
    if (moved > 0) {
      arrivals.announce();
      log.info("redrove {} dead letters of queue {}", moved, name);
    }
    return moved;
  }

  @Override
  public QueueDepth approximateDepth() {
    return db.read(c -> table.depth(c, clock.millis()));
  }

  private static void requireCount(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative, was " + max);
    }
  }

  @Override
  public String toString() {
    return "SqliteJobQueue[" + name + " in " + db.file().getFileName() + "]";
  }
}
