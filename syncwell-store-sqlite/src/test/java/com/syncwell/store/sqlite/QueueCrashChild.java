package com.syncwell.store.sqlite;

import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.MessageId;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The process {@link SqliteJobQueueCrashTest} kills with SIGKILL. Usage: {@code consume <db>
 * <queue> <log>} receives batches of 10 with a 2 s lease, logging {@code processed}, {@code acking}
 * and, once delete returned true, {@code acked} for each message, and exits 0 when the queue stayed
 * empty for two polls; {@code produce <db> <queue> <log> <count>} sends messages one by one,
 * logging {@code sent} after each send returned. Each line is one unbuffered write: a SIGKILL keeps
 * what was written (the OS page cache survives) and never leaves half a line.
 */
public final class QueueCrashChild {
  static final int MAX_RECEIVES = 10;
  static final Duration LEASE = Duration.ofSeconds(2);

  private final FileOutputStream log;

  private QueueCrashChild(FileOutputStream log) {
    this.log = log;
  }

  public static void main(String[] args) throws Exception {
    try (SqliteDatabase db = SqliteDatabase.open(Path.of(args[1]));
        FileOutputStream log = new FileOutputStream(args[3], true)) {
      JobQueue queue = new SqliteJobQueue(db, args[2], Clock.systemUTC(), MAX_RECEIVES);
      QueueCrashChild child = new QueueCrashChild(log);
      switch (args[0]) {
        case "consume" -> child.consume(queue);
        case "produce" -> child.produce(queue, Integer.parseInt(args[4]));
        default -> throw new IllegalArgumentException("unknown mode " + args[0]);
      }
    }
    System.exit(0);
  }

  private void consume(JobQueue queue) throws IOException, InterruptedException {
    ReceiveRequest request = new ReceiveRequest(10, Duration.ofMillis(300), LEASE);
    int emptyPolls = 0;
    while (emptyPolls < 2) {
      var batch = queue.receive(request);
      if (batch.isEmpty()) {
        emptyPolls = queue.approximateDepth().total() == 0 ? emptyPolls + 1 : 0;
        continue;
      }
      emptyPolls = 0;
      for (ReceivedMessage m : batch) {
        process(m);
        line("acking " + m.id());
        line((queue.delete(m.receipt()) ? "acked " : "stale ") + m.id());
      }
    }
  }

  private void process(ReceivedMessage m) throws IOException, InterruptedException {
    line("processed " + m.id());
    Thread.sleep(1); // the work, long enough that the parent can kill us mid-stream
  }

  private void produce(JobQueue queue, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      MessageId id = queue.send(OutgoingMessage.of("produced " + i));
      line("sent " + id);
    }
  }

  private void line(String text) throws IOException {
    log.write((text + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
