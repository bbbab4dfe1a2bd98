package com.syncwell.app.bench;

import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemUpdate;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.Query;
import com.syncwell.engine.port.table.Written;
import com.syncwell.store.sqlite.SqliteDatabase;
import com.syncwell.store.sqlite.SqliteJobQueue;
import com.syncwell.store.sqlite.SqliteMetadataTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput of the embedded metadata table and job queue with realistic items (a sync-ledger
 * entry) and messages (a sync-job request), each benchmark in one thread on a fresh file.
 */
public final class StoreBenchmarks {
  private static final Duration VISIBILITY = Duration.ofMinutes(5);
  private static final String JOB_BODY =
      "{\"jobId\":\"job_01JC0000000000000000000000\",\"userId\":\"u_0123456789abcdef\","
          + "\"syncConfigId\":\"cfg_0123456789\",\"trigger\":\"manual\"}";

  private final Path directory;
  private final Stopwatch stopwatch;
  private final PrintWriter out;
  private final Clock clock = Clock.systemUTC();

  public StoreBenchmarks(Path directory, Duration perBenchmark, PrintWriter out) {
    this.directory = directory;
    this.stopwatch = new Stopwatch(perBenchmark.dividedBy(3), perBenchmark);
    this.out = out;
  }

  /** Runs every benchmark and prints one line each; returns the measurements. */
  public List<Measurement> runAll() throws Exception {
    List<Measurement> results = new ArrayList<>();
    results.add(report(putIfAbsent()));
    results.add(report(updateIfVersion()));
    results.add(report(query50()));
    results.add(report(queueRoundTrip()));
    results.add(report(queueBatchOf10()));
    return results;
  }

  private Measurement report(Measurement m) {
    out.println(m.line());
    return m;
  }

  private SqliteDatabase freshDatabase(String name) {
    return SqliteDatabase.open(directory.resolve(name + ".db"));
  }

  private static Item ledgerEntry(String user, long n) {
    return Item.builder("USER#" + user, "LEDGER#cfg_0123456789#src-" + n)
        .set(
            "fingerprint",
            "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        .set("destinationId", "dst-" + n)
        .set("state", "PENDING")
        .set("failures", 0)
        .set("dataType", "workout")
        .build();
  }

  private Measurement putIfAbsent() throws Exception {
    try (SqliteDatabase db = freshDatabase("put-if-absent")) {
      MetadataTable table = new SqliteMetadataTable(db, clock);
      return stopwatch.time(
          "table put-if-absent",
          i -> {
            requireWritten(table.putIfAbsent(ledgerEntry("bench", i)));
            return 1;
          });
    }
  }

  private Measurement updateIfVersion() throws Exception {
    try (SqliteDatabase db = freshDatabase("update-if-version")) {
      MetadataTable table = new SqliteMetadataTable(db, clock);
      int items = 1_000;
      long[] versions = new long[items];
      for (int n = 0; n < items; n++) {
        versions[n] = requireWritten(table.putIfAbsent(ledgerEntry("bench", n)));
      }
      return stopwatch.time(
          "table update-if-version",
          i -> {
            int n = (int) (i % items);
            ItemUpdate update =
                ItemUpdate.builder().set("state", i % 2 == 0 ? "WRITTEN" : "PENDING").build();
            versions[n] =
                requireWritten(
                    table.updateIfVersion(ledgerEntry("bench", n).key(), versions[n], update));
            return 1;
          });
    }
  }

  private Measurement query50() throws Exception {
    try (SqliteDatabase db = freshDatabase("query")) {
      MetadataTable table = new SqliteMetadataTable(db, clock);
      for (int batch = 0; batch < 20; batch++) {
        List<Item> items = new ArrayList<>();
        for (int n = 0; n < 25; n++) {
          items.add(ledgerEntry("bench", batch * 25L + n));
        }
        table.batchPut(items);
      }
      Query query = Query.partition("USER#bench").sortKeyPrefix("LEDGER#cfg_").limit(50);
      return stopwatch.time(
          "table query of 50 items",
          i -> {
            int found = table.query(query).items().size();
            if (found != 50) {
              throw new IllegalStateException("query returned " + found + " items, not 50");
            }
            return 1;
          });
    }
  }

  private Measurement queueRoundTrip() throws Exception {
    try (SqliteDatabase db = freshDatabase("queue-round-trip")) {
      JobQueue queue = new SqliteJobQueue(db, "jobs", clock, JobQueue.DEFAULT_MAX_RECEIVES);
      ReceiveRequest one = ReceiveRequest.of(1, VISIBILITY);
      return stopwatch.time(
          "queue send+receive+delete",
          i -> {
            queue.send(OutgoingMessage.of(JOB_BODY).withAttribute("correlationId", "c-" + i));
            List<ReceivedMessage> got = queue.receive(one);
            requireDeleted(queue, got, 1);
            return 1;
          });
    }
  }

  private Measurement queueBatchOf10() throws Exception {
    try (SqliteDatabase db = freshDatabase("queue-batch")) {
      JobQueue queue = new SqliteJobQueue(db, "jobs", clock, JobQueue.DEFAULT_MAX_RECEIVES);
      ReceiveRequest ten = ReceiveRequest.of(10, VISIBILITY);
      List<OutgoingMessage> batch = new ArrayList<>();
      for (int n = 0; n < 10; n++) {
        batch.add(OutgoingMessage.of(JOB_BODY));
      }
      return stopwatch.time(
          "queue batch of 10 (per message)",
          i -> {
            queue.sendBatch(batch);
            requireDeleted(queue, queue.receive(ten), 10);
            return 10;
          });
    }
  }

  private static long requireWritten(Object outcome) {
    if (outcome instanceof Written written) {
      return written.version();
    }
    throw new IllegalStateException("expected a write, got " + outcome);
  }

  private static void requireDeleted(JobQueue queue, List<ReceivedMessage> got, int expected) {
    if (got.size() != expected) {
      throw new IllegalStateException("received " + got.size() + " messages, not " + expected);
    }
    for (ReceivedMessage m : got) {
      if (!queue.delete(m.receipt())) {
        throw new IllegalStateException("a fresh lease could not be acknowledged");
      }
    }
  }
}
