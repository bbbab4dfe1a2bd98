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
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Throughput of a metadata table and a job queue with realistic items (a sync-ledger entry) and
 * messages (a sync-job request), each benchmark in one thread on a fresh table or queue of one
 * {@link StoreEngine}: the embedded SQLite files by default, the scale-out engines for {@code bench
 * scale-out}.
 */
public final class StoreBenchmarks {
  /** The benchmarks' names, in the order {@link #runAll()} runs and returns them. */
  public static final List<String> NAMES =
      List.of(
          "table put-if-absent",
          "table get",
          "table update-if-version",
          "table query of 50 items",
          "queue send+receive+delete",
          "queue batch of 10 (per message)");

  private static final Duration VISIBILITY = Duration.ofMinutes(5);

  /** A receive that came back short (SQS may) is repeated this long-polling, this often at most. */
  private static final Duration RECEIVE_AGAIN_WAIT = Duration.ofSeconds(1);

  private static final int MAX_RECEIVES = 10;
  private static final String JOB_BODY =
      "{\"jobId\":\"job_01JC0000000000000000000000\",\"userId\":\"u_0123456789abcdef\","
          + "\"syncConfigId\":\"cfg_0123456789\",\"trigger\":\"manual\"}";

  private final StoreEngine engine;
  private final Stopwatch stopwatch;
  private final PrintWriter out;

  /** The embedded engine, one SQLite file per benchmark in {@code directory}. */
  public StoreBenchmarks(Path directory, Duration perBenchmark, PrintWriter out) {
    this(new SqliteStoreEngine(directory, Clock.systemUTC()), perBenchmark, out);
  }

  /**
   * Benchmarks on {@code engine}, each measured for {@code perBenchmark} after a warm-up of a third
   * of that; prints one line per benchmark to {@code out}.
   */
  public StoreBenchmarks(StoreEngine engine, Duration perBenchmark, PrintWriter out) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.stopwatch = new Stopwatch(perBenchmark.dividedBy(3), perBenchmark);
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Runs every benchmark and prints one line each; returns the measurements in {@link #NAMES}. */
  public List<EngineMeasurement> runAll() throws Exception {
    List<EngineMeasurement> results = new ArrayList<>();
    results.add(report(putIfAbsent()));
    results.add(report(get()));
    results.add(report(updateIfVersion()));
    results.add(report(query50()));
    results.add(report(queueRoundTrip()));
    results.add(report(queueBatchOf10()));
    return results;
  }

  private EngineMeasurement report(EngineMeasurement m) {
    out.println(m.measurement().line());
    out.flush();
    return m;
  }

  /**
   * Times {@code operation} and counts the engine's remote calls and this JVM's CPU per operation.
   */
  private EngineMeasurement time(String name, Operation operation) throws Exception {
    long[] done = new long[1];
    long callsBefore = engine.remoteCalls();
    long cpuBefore = ProcessCpuTime.nanos();
    Measurement m =
        stopwatch.time(
            name,
            i -> {
              int ops = operation.run(i);
              done[0] += ops;
              return ops;
            });
    long cpuAfter = ProcessCpuTime.nanos();
    long calls = engine.remoteCalls() - callsBefore;
    return new EngineMeasurement(
        m,
        done[0] == 0 ? 0 : (double) calls / done[0],
        ProcessCpuTime.microsPer(cpuBefore, cpuAfter, done[0]));
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

  private EngineMeasurement putIfAbsent() throws Exception {
    try (FreshStore<MetadataTable> fresh = engine.freshTable("put-if-absent")) {
      MetadataTable table = fresh.store();
      return time(
          "table put-if-absent",
          i -> {
            requireWritten(table.putIfAbsent(ledgerEntry("bench", i)));
            return 1;
          });
    }
  }

  private EngineMeasurement get() throws Exception {
    try (FreshStore<MetadataTable> fresh = engine.freshTable("get")) {
      MetadataTable table = fresh.store();
      int items = 1_000;
      fill(table, items);
      return time(
          "table get",
          i -> {
            if (table.get(ledgerEntry("bench", i % items).key()).isEmpty()) {
              throw new IllegalStateException("a stored item was not found");
            }
            return 1;
          });
    }
  }

  private EngineMeasurement updateIfVersion() throws Exception {
    try (FreshStore<MetadataTable> fresh = engine.freshTable("update-if-version")) {
      MetadataTable table = fresh.store();
      int items = 1_000;
      long[] versions = new long[items];
      for (int n = 0; n < items; n++) {
        versions[n] = requireWritten(table.putIfAbsent(ledgerEntry("bench", n)));
      }
      return time(
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

  private EngineMeasurement query50() throws Exception {
    try (FreshStore<MetadataTable> fresh = engine.freshTable("query")) {
      MetadataTable table = fresh.store();
      fill(table, 500);
      Query query = Query.partition("USER#bench").sortKeyPrefix("LEDGER#cfg_").limit(50);
      return time(
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

  /** Writes ledger entries 0 to {@code items - 1} in batches of 25. */
  private static void fill(MetadataTable table, int items) {
    for (int from = 0; from < items; from += 25) {
      List<Item> batch = new ArrayList<>();
      for (int n = from; n < Math.min(items, from + 25); n++) {
        batch.add(ledgerEntry("bench", n));
      }
      table.batchPut(batch);
    }
  }

  private EngineMeasurement queueRoundTrip() throws Exception {
    try (FreshStore<JobQueue> fresh = engine.freshQueue("queue-round-trip")) {
      JobQueue queue = fresh.store();
      ReceiveRequest one = ReceiveRequest.of(1, VISIBILITY);
      return time(
          "queue send+receive+delete",
          i -> {
            queue.send(OutgoingMessage.of(JOB_BODY).withAttribute("correlationId", "c-" + i));
            deleteAll(queue, receiveAll(queue, one, 1));
            return 1;
          });
    }
  }

  private EngineMeasurement queueBatchOf10() throws Exception {
    try (FreshStore<JobQueue> fresh = engine.freshQueue("queue-batch")) {
      JobQueue queue = fresh.store();
      ReceiveRequest ten = ReceiveRequest.of(10, VISIBILITY);
      List<OutgoingMessage> batch = new ArrayList<>();
      for (int n = 0; n < 10; n++) {
        batch.add(OutgoingMessage.of(JOB_BODY));
      }
      return time(
          "queue batch of 10 (per message)",
          i -> {
            queue.sendBatch(batch);
            deleteAll(queue, receiveAll(queue, ten, 10));
            return 10;
          });
    }
  }

  /**
   * Receives until {@code expected} messages are leased. The embedded queue returns them all at the
   * first receive; SQS may return fewer, and then the receive is repeated, long-polling.
   */
  private static List<ReceivedMessage> receiveAll(
      JobQueue queue, ReceiveRequest request, int expected) {
    List<ReceivedMessage> got = new ArrayList<>(queue.receive(request));
    for (int attempt = 1; got.size() < expected && attempt < MAX_RECEIVES; attempt++) {
      got.addAll(
          queue.receive(
              new ReceiveRequest(
                  expected - got.size(), RECEIVE_AGAIN_WAIT, request.visibilityTimeout())));
    }
    if (got.size() != expected) {
      throw new IllegalStateException("received " + got.size() + " messages, not " + expected);
    }
    return got;
  }

  private static long requireWritten(Object outcome) {
    if (outcome instanceof Written written) {
      return written.version();
    }
    throw new IllegalStateException("expected a write, got " + outcome);
  }

  private static void deleteAll(JobQueue queue, List<ReceivedMessage> got) {
    for (ReceivedMessage m : got) {
      if (!queue.delete(m.receipt())) {
        throw new IllegalStateException("a fresh lease could not be acknowledged");
      }
    }
  }
}
