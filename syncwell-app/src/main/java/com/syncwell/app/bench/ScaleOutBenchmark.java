package com.syncwell.app.bench;

import com.syncwell.aws.dynamodb.DynamoDbClients;
import com.syncwell.aws.sqs.SqsClients;
import com.syncwell.engine.limit.LocalRateLimiter;
import com.syncwell.redis.RedisRateLimiter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code syncwell bench scale-out}: the store benchmarks on SQLite and on local DynamoDB and SQS
 * emulators, rate-limit checks in-process and on Redis, all in one run; then one side-by-side table
 * and an explanation computed from it (requests per operation, where the time goes, what that means
 * at AWS latencies). Meant for local engines only: it creates and deletes tables and queues named
 * {@code syncwell-bench-*} and signs with dummy credentials.
 */
public final class ScaleOutBenchmark {
  /** The engines' addresses and the run's length. */
  public record Options(
      URI dynamoDbEndpoint, URI sqsEndpoint, URI redisUrl, int seconds, int threads) {
    public Options {
      Objects.requireNonNull(dynamoDbEndpoint, "dynamoDbEndpoint");
      Objects.requireNonNull(sqsEndpoint, "sqsEndpoint");
      Objects.requireNonNull(redisUrl, "redisUrl");
    }
  }

  /** Assumed AWS latencies, in the same region (not measured here). */
  static final double AWS_DYNAMODB_MS = 5;

  static final double AWS_SQS_MS = 10;
  static final double ELASTICACHE_MS = 0.5;

  /**
   * Table operations of one nothing-new sync by a worker, counted in {@code RunSyncJob}, {@code
   * SyncPass} and the stores: claiming the job (get + update-if-version), the sync config, the two
   * connections and the cursor (4 gets), advancing the cursor (update-if-version) and completing
   * the job (get + update-if-version). No ledger reads when the source lists nothing, no heartbeat
   * within half a lease, no token refresh while the access token is valid.
   */
  static final int SYNC_GETS = 6;

  static final int SYNC_UPDATES = 3;

  /** The sync benchmark's target (README, "Sync engine"). */
  static final int TARGET_SYNCS_PER_SECOND = 580;

  private static final int PUT = 0;
  private static final int GET = 1;
  private static final int UPDATE = 2;
  private static final int QUERY = 3;
  private static final int ROUND_TRIP = 4;
  private static final int BATCH = 5;

  private final Options options;
  private final Path sqliteDirectory;
  private final PrintWriter out;
  private final Clock clock = Clock.systemUTC();

  public ScaleOutBenchmark(Options options, Path sqliteDirectory, PrintWriter out) {
    this.options = Objects.requireNonNull(options, "options");
    this.sqliteDirectory = Objects.requireNonNull(sqliteDirectory, "sqliteDirectory");
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Runs everything and prints the table; false when Redis did not answer every check. */
  public boolean run() throws Exception {
    Duration each = Duration.ofSeconds(options.seconds());
    int threads = options.threads();
    out.printf(
        Locale.ROOT,
        "SyncWell scale-out benchmark (%d s per benchmark after a %.1f s warm-up, %d cores,"
            + " one thread unless noted)%n  DynamoDB %s   SQS %s   Redis %s%n",
        options.seconds(),
        options.seconds() / 3.0,
        Runtime.getRuntime().availableProcessors(),
        options.dynamoDbEndpoint(),
        options.sqsEndpoint(),
        printable(options.redisUrl()));
    step("1/4 SQLite table and queue");
    List<EngineMeasurement> sqlite =
        new StoreBenchmarks(new SqliteStoreEngine(sqliteDirectory, clock), each, out).runAll();

    step("2/4 DynamoDB table and SQS queue");
    List<EngineMeasurement> remote;
    try (DynamoDbClient dynamoDb = DynamoDbClients.forLocalEndpoint(options.dynamoDbEndpoint());
        SqsClient sqs = SqsClients.forLocalEndpoint(options.sqsEndpoint())) {
      remote =
          new StoreBenchmarks(
                  new ScaleOutStoreEngine("dynalite/ElasticMQ", dynamoDb, sqs, clock), each, out)
              .runAll();
    }

    RateLimiterBenchmarks limits = new RateLimiterBenchmarks(each, out);
    step("3/4 in-process rate limiter");
    LocalRateLimiter local = new LocalRateLimiter(clock);
    EngineMeasurement local1 = limits.run("rate-limit check", local, 1, () -> 0);
    EngineMeasurement localN =
        limits.run("rate-limit check, " + threads + " threads", local, threads, () -> 0);

    step("4/4 Redis rate limiter");
    RedisCommandCount commands = new RedisCommandCount(options.redisUrl());
    EngineMeasurement redis1;
    EngineMeasurement redisN;
    Map<String, Double> redisByCommand;
    long fallbacks;
    try (RedisRateLimiter redis = RedisRateLimiter.connect(options.redisUrl(), clock)) {
      if (!redis.redisAvailable()) {
        out.println("Redis did not answer at " + printable(options.redisUrl()) + "; stopping.");
        out.flush();
        return false;
      }
      Optional<Map<String, Long>> before = commands.read();
      redis1 = limits.run("rate-limit check", redis, 1, () -> count(commands.read()));
      redisByCommand =
          RedisCommandCount.perOperation(before, commands.read(), redis1.remoteCallsPerOperation());
      redisN =
          limits.run(
              "rate-limit check, " + threads + " threads",
              redis,
              threads,
              () -> count(commands.read()));
      fallbacks = redis.fallbackDecisions();
    }

    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < StoreBenchmarks.NAMES.size(); i++) {
      rows.add(new Row(StoreBenchmarks.NAMES.get(i), sqlite.get(i), remote.get(i)));
    }
    rows.add(new Row("rate-limit check", local1, redis1));
    rows.add(new Row("rate-limit check, " + threads + " threads", localN, redisN));
    printTable(rows);
    printExplanation(sqlite, remote, local1, localN, redis1, redisN, redisByCommand, threads);
    if (fallbacks > 0) {
      out.printf(
          Locale.ROOT,
          "WARNING: %,d checks were answered in-process because Redis did not answer within the"
              + " limiter's 100 ms; the Redis rows include them.%n",
          fallbacks);
    }
    out.flush();
    return fallbacks == 0;
  }

  private record Row(String name, EngineMeasurement embedded, EngineMeasurement scaleOut) {}

  private void step(String what) {
    out.println();
    out.println(what);
    out.flush();
  }

  private static long count(Optional<Map<String, Long>> commands) {
    return commands.map(RedisCommandCount::total).orElse(-1L);
  }

  /** The URL without user info (a password), for printing. */
  private static String printable(URI url) {
    return url.getUserInfo() == null
        ? url.toString()
        : url.getScheme() + "://***@" + url.getHost() + ":" + url.getPort();
  }

  private void printTable(List<Row> rows) {
    out.println();
    out.println(
        "Side by side (same run; calls/op = requests to the engine per operation, CPU = this"
            + " JVM's CPU per operation):");
    out.printf(
        Locale.ROOT,
        "%-34s | %-30s | %-48s | %s%n",
        "",
        "SQLite / in-process limiter",
        "dynalite / ElasticMQ / Redis",
        "p50");
    out.printf(
        Locale.ROOT,
        "%-34s | %10s %9s %9s | %10s %9s %9s %8s %9s | %s%n",
        "operation",
        "ops/s",
        "p50 µs",
        "p99 µs",
        "ops/s",
        "p50 µs",
        "p99 µs",
        "calls/op",
        "CPU µs/op",
        "ratio");
    for (Row r : rows) {
      Measurement e = r.embedded().measurement();
      Measurement s = r.scaleOut().measurement();
      out.printf(
          Locale.ROOT,
          "%-34s | %,10.0f %,9.1f %,9.1f | %,10.0f %,9.1f %,9.1f %8.2f %,9.1f | %,.0fx%n",
          r.name(),
          e.operationsPerSecond(),
          e.latencyMicros(50),
          e.latencyMicros(99),
          s.operationsPerSecond(),
          s.latencyMicros(50),
          s.latencyMicros(99),
          r.scaleOut().remoteCallsPerOperation(),
          r.scaleOut().cpuMicrosPerOperation(),
          s.latencyMicros(50) / e.latencyMicros(50));
    }
  }

  private void printExplanation(
      List<EngineMeasurement> sqlite,
      List<EngineMeasurement> remote,
      EngineMeasurement local1,
      EngineMeasurement localN,
      EngineMeasurement redis1,
      EngineMeasurement redisN,
      Map<String, Double> redisByCommand,
      int threads) {
    double dynamoCallUs = perCall(remote.get(GET));
    double dynamoCpuUs = remote.get(GET).cpuMicrosPerOperation() / calls(remote.get(GET));
    double sqsCallUs = perCall(remote.get(ROUND_TRIP));
    double sqsCpuUs =
        remote.get(ROUND_TRIP).cpuMicrosPerOperation() / calls(remote.get(ROUND_TRIP));
    double redisCommands = redis1.remoteCallsPerOperation();
    out.println();
    out.println("Where the gaps come from (medians, loopback, this machine):");
    out.printf(
        Locale.ROOT,
        "  DynamoDB calls per operation: put-if-absent %.2f, get %.2f, update-if-version %.2f"
            + " (GetItem, then PutItem on the version condition), query %.2f.%n",
        calls(remote.get(PUT)),
        calls(remote.get(GET)),
        calls(remote.get(UPDATE)),
        calls(remote.get(QUERY)));
    out.printf(
        Locale.ROOT,
        "    one call ~%,.0f µs (get's p50); this JVM used ~%,.0f µs of CPU per call on average"
            + " (SDK: request signing, HTTP, JSON both ways; JIT and GC included), the rest of the"
            + " wait is dynalite%n    (Node.js on an in-memory LevelDB) and loopback. SQLite"
            + " answers a get in %,.1f µs in-process: no request, no serialisation, no other"
            + " process.%n",
        dynamoCallUs,
        dynamoCpuUs,
        sqlite.get(GET).measurement().latencyMicros(50));
    out.printf(
        Locale.ROOT,
        "  SQS calls: %.2f per round trip (send, receive, delete), %.2f per message in batches of"
            + " 10 (one send, one receive, then one delete per message: the JobQueue port acks one"
            + " receipt at a time);%n    one call ~%,.0f µs (round trip's p50 / calls), ~%,.0f µs"
            + " of this JVM's CPU per call; the rest of the wait is ElasticMQ (a JVM of its own)"
            + " and loopback.%n",
        calls(remote.get(ROUND_TRIP)),
        calls(remote.get(BATCH)),
        sqsCallUs,
        sqsCpuUs);
    // Bucket4j's Lettuce compare-and-swap sends GET, then EVAL of a script that runs GET and
    // SET (or PSETEX) inside Redis; commandstats counts those too, so each EVAL hides two.
    double evals = redisByCommand.getOrDefault("eval", 0.0);
    double roundTrips = redisByCommand.isEmpty() ? Double.NaN : redisCommands - 2 * evals;
    StringBuilder byCommand = new StringBuilder();
    redisByCommand.forEach(
        (name, n) ->
            byCommand
                .append(byCommand.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.2f", name, n)));
    out.printf(
        Locale.ROOT,
        "  Redis: %s commands per check (%s), of them %s round trips: Bucket4j's compare-and-swap"
            + " reads the bucket (GET), then sends a script (EVAL) that GETs and SETs it inside"
            + " Redis;%n    p50 %,.0f µs a check vs %,.1f µs in-process; %d threads reach %,.0f"
            + " checks/s on Redis vs %,.0f in-process (Lettuce pipelines the threads' commands on"
            + " one connection).%n",
        figure(redisCommands),
        byCommand.isEmpty() ? "not read" : byCommand,
        figure(roundTrips),
        redis1.measurement().latencyMicros(50),
        local1.measurement().latencyMicros(50),
        threads,
        redisN.measurement().operationsPerSecond(),
        localN.measurement().operationsPerSecond());
    out.println(
        "  On this machine the client, the emulators and the other processes share the same cores,"
            + " so the per-call figures are mostly CPU, not network.");

    double syncDynamoCalls =
        SYNC_GETS * calls(remote.get(GET)) + SYNC_UPDATES * calls(remote.get(UPDATE));
    double syncSqsCalls = 2; // a receive (shared by up to 10 jobs under load) and a delete
    double sqliteMs = storeMillis(sqlite);
    double emulatorMs = storeMillis(remote);
    double awsMs = syncDynamoCalls * AWS_DYNAMODB_MS + syncSqsCalls * AWS_SQS_MS;
    double perSlot = 1_000 / awsMs;
    out.println();
    out.printf(
        Locale.ROOT,
        "What it implies on AWS (assumed, not measured: ~%.0f ms per DynamoDB call, ~%.0f ms per"
            + " SQS call, ~%.1f ms per ElastiCache round trip, same region):%n",
        AWS_DYNAMODB_MS,
        AWS_SQS_MS,
        ELASTICACHE_MS);
    out.printf(
        Locale.ROOT,
        "  A worker's nothing-new sync does %d table operations (counted in the code: claim = get +"
            + " update-if-version; config, 2 connections, cursor = 4 gets; cursor advance ="
            + " update-if-version;%n    done = get + update-if-version) = %.0f DynamoDB calls, plus"
            + " a ReceiveMessage (shared by up to 10 jobs) and a DeleteMessage; the API's enqueue"
            + " adds a put-if-absent and a send.%n",
        SYNC_GETS + SYNC_UPDATES,
        syncDynamoCalls);
    out.printf(
        Locale.ROOT,
        "  Store time per sync, calls one after another: SQLite %.2f ms, emulators here %.1f ms,"
            + " AWS ~%.0f × %.0f + %.0f × %.0f = %.0f ms (+ %.0f ms for the enqueue).%n",
        sqliteMs,
        emulatorMs,
        syncDynamoCalls,
        AWS_DYNAMODB_MS,
        syncSqsCalls,
        AWS_SQS_MS,
        awsMs,
        calls(remote.get(PUT)) * AWS_DYNAMODB_MS + AWS_SQS_MS);
    out.printf(
        Locale.ROOT,
        "  So a job slot does at most ~%.0f nothing-new syncs/s on store latency alone (provider"
            + " calls come on top): the sync benchmark's %d syncs/s needs >= %.0f jobs in flight"
            + " across the fleet%n    (SYNCWELL_WORKER_CONCURRENCY is per node; its default,"
            + " 2 x cores, suits the embedded store, not a network one), and ~%,.0f DynamoDB and"
            + " ~%,.0f SQS requests/s.%n",
        perSlot,
        TARGET_SYNCS_PER_SECOND,
        Math.ceil(TARGET_SYNCS_PER_SECOND / perSlot),
        TARGET_SYNCS_PER_SECOND * syncDynamoCalls,
        TARGET_SYNCS_PER_SECOND * (1 + 1.0 / 10));
    double tripsPerCheck = Double.isNaN(roundTrips) ? 2 : roundTrips;
    out.printf(
        Locale.ROOT,
        "  Each API request makes 2 rate-limit checks (per IP, per user): %.0f round trips, ~%.1f ms"
            + " on ElastiCache against microseconds in-process; latency, not throughput.%n",
        2 * tripsPerCheck,
        2 * tripsPerCheck * ELASTICACHE_MS);
  }

  private static String figure(double value) {
    return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, "%.2f", value);
  }

  /** p50 of one sync's table operations and one queue round trip, in milliseconds. */
  private static double storeMillis(List<EngineMeasurement> m) {
    return (SYNC_GETS * p50(m.get(GET))
            + SYNC_UPDATES * p50(m.get(UPDATE))
            + p50(m.get(ROUND_TRIP)))
        / 1_000;
  }

  private static double p50(EngineMeasurement m) {
    return m.measurement().latencyMicros(50);
  }

  private static double calls(EngineMeasurement m) {
    return m.remoteCallsPerOperation();
  }

  private static double perCall(EngineMeasurement m) {
    return p50(m) / calls(m);
  }
}
