package com.syncwell.app.multinode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.api.auth.DevIssuer;
import com.syncwell.app.ApiUser;
import com.syncwell.aws.dynamodb.DynamoDbClients;
import com.syncwell.aws.dynamodb.DynamoDbMetadataTable;
import com.syncwell.aws.dynamodb.DynamoDbTableSchema;
import com.syncwell.aws.sqs.SqsClients;
import com.syncwell.aws.sqs.SqsJobQueue;
import com.syncwell.aws.sqs.SqsQueueUrls;
import com.syncwell.aws.sqs.SqsQueues;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.QueueDepth;
import com.syncwell.engine.store.LedgerEntry;
import com.syncwell.engine.store.LedgerState;
import com.syncwell.engine.store.LedgerStore;
import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatorOptions;
import com.syncwell.simulator.control.StravaLimits;
import com.syncwell.simulator.data.SimWorkout;
import com.syncwell.testkit.servers.DynaliteServer;
import com.syncwell.testkit.servers.RedisServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Issue #6's multi-node test: two {@code syncwell serve --role all} processes on different ports
 * sharing dynalite, ElasticMQ and Redis (each started here on 127.0.0.1 and stopped by pid), with
 * the provider simulator in this JVM.
 */
class MultiNodeTest {
  private static final Duration BOUND = Duration.ofMinutes(6);
  private static final int BURST = 20;
  private static final Clock CLOCK = Clock.systemUTC();

  private static DynaliteServer dynamo;
  private static RedisServer redis;
  private static SQSRestServer elasticMq;
  private static String sqsEndpoint;
  private static ProviderSimulator simulator;

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<ServeProcess> nodes = new ArrayList<>();
  private String table;
  private SqsQueueUrls queues;
  private DevIssuer issuer;

  @BeforeAll
  static void startServers() {
    dynamo = DynaliteServer.start();
    redis = RedisServer.started();
    elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    sqsEndpoint = "http://127.0.0.1:" + elasticMq.waitUntilStarted().localAddress().getPort();
    simulator =
        ProviderSimulator.start(
            SimulatorOptions.defaults()
                .withStravaLimits(new StravaLimits(1_000_000, 10_000_000, 1_000_000, 10_000_000))
                .withGoogleRequestsPerUserPerMinute(100_000));
  }

  @AfterAll
  static void stopServers() {
    if (simulator != null) {
      simulator.close();
    }
    if (elasticMq != null) {
      elasticMq.stopAndWait();
    }
    if (redis != null) {
      redis.close();
    }
    if (dynamo != null) {
      dynamo.close();
    }
  }

  @BeforeEach
  void createTableAndQueues() throws Exception {
    String run = "mn" + UUID.randomUUID().toString().substring(0, 8);
    table = "SyncWell-" + run;
    try (DynamoDbClient client = DynamoDbClients.forLocalEndpoint(dynamo.endpoint());
        SqsClient sqs = SqsClients.forLocalEndpoint(java.net.URI.create(sqsEndpoint))) {
      DynamoDbTableSchema.createIfMissing(client, table);
      queues = SqsQueues.createIfMissing(sqs, run + "-jobs", JobQueue.DEFAULT_MAX_RECEIVES);
    }
    issuer = DevIssuer.openOrCreate(dir.resolve("data"), CLOCK);
  }

  @AfterEach
  void stopNodes() throws InterruptedException {
    for (ServeProcess node : nodes) {
      node.close();
    }
    redis.start(); // no-op unless a test stopped it
  }

  @Test
  void a_users_burst_spread_over_both_nodes_gets_exactly_twenty_and_survives_a_redis_outage()
      throws Exception {
    // 1 token a second refills, so a burst that ends within a second meets exactly the 20.
    List<String> bases = startNodes(Map.of("SYNCWELL_RATE_USER_PER_SECOND", "1"));
    warmUp(bases);
    double fallbacksBefore = fallbacks(bases);

    Burst first = burst(user("burst-1"), bases, 30);
    assertThat(fallbacks(bases)).as("decisions answered without Redis").isEqualTo(fallbacksBefore);
    assertThat(first.accepted()).isBetween(BURST, BURST + first.wholeSeconds());
    assertThat(first.throttled()).isEqualTo(30 - first.accepted());
    assertThat(first.acceptedByNode()).hasSize(2); // both nodes took part of the one budget

    redis.stop();
    ApiUser during = user("outage-1");
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> r = during.send(bases.get(i % 2), "GET", "/v1/users/me", null, null);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
    for (String base : bases) {
      JsonNode ready = readiness(base);
      assertThat(ready.path("status").asText()).isEqualTo("ready");
      assertThat(ready.path("dependencies").path("rateLimiter").asText()).isEqualTo("fallback");
    }
    // Per node while Redis is away: each node holds the whole burst on its own.
    Burst local = burst(user("outage-2"), List.of(bases.get(0)), 30);
    assertThat(local.accepted()).isBetween(BURST, BURST + local.wholeSeconds());

    redis.start();
    for (String base : bases) {
      awaitShared(base);
    }
    warmUp(bases);
    double fallbacksAfter = fallbacks(bases);
    Burst after = burst(user("burst-2"), bases, 30);
    assertThat(fallbacks(bases)).as("decisions answered without Redis").isEqualTo(fallbacksAfter);
    assertThat(after.accepted()).isBetween(BURST, BURST + after.wholeSeconds());
    assertThat(after.throttled()).isEqualTo(30 - after.accepted());
  }

  @Test
  void two_thousand_jobs_over_both_nodes_run_once_each_even_when_a_node_is_killed()
      throws Exception {
    int users = 100;
    int jobsPerUser = 20;
    List<String> bases =
        startNodes(
            Map.of(
                "SYNCWELL_RATE_USER_PER_SECOND", "10000",
                "SYNCWELL_RATE_USER_BURST", "10000",
                "SYNCWELL_JOB_LEASE_SECONDS", "10",
                "SYNCWELL_QUEUE_VISIBILITY_SECONDS", "10"));
    long t0 = System.nanoTime();
    List<Member> members = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Member>> setups = new ArrayList<>();
      for (int u = 0; u < users; u++) {
        int n = u;
        setups.add(pool.submit(() -> member("mn-" + n, bases.get(n % 2), bases.get((n + 1) % 2))));
      }
      for (Future<Member> f : setups) {
        members.add(f.get(BOUND.toSeconds(), TimeUnit.SECONDS));
      }
    }

    phase("set up " + users + " users with two connections and a config", t0);
    long t1 = System.nanoTime();
    Map<String, Member> jobs = submit(members, jobsPerUser, bases);
    assertThat(jobs).hasSize(users * jobsPerUser);
    phase("submitted " + jobs.size() + " jobs over both nodes", t1);

    // Kill the second node while jobs are still queued or running.
    long finishedAtKill = awaitFinished(jobs, bases.get(0), jobs.size() / 10);
    ServeProcess second = nodes.get(1);
    second.kill();
    assertThat(finishedAtKill).isLessThan(jobs.size());
    phase("killed node 2 (SIGKILL) with " + finishedAtKill + " jobs ended", t1);

    awaitFinished(jobs, bases.get(0), jobs.size());
    phase("all jobs ended", t1);
    Map<String, Integer> byStatus = statuses(jobs, bases.get(0));
    assertThat(byStatus).containsOnlyKeys("SUCCEEDED").containsEntry("SUCCEEDED", jobs.size());

    try (SqsClient sqs = SqsClients.forLocalEndpoint(java.net.URI.create(sqsEndpoint));
        DynamoDbClient client = DynamoDbClients.forLocalEndpoint(dynamo.endpoint())) {
      QueueDepth depth =
          new SqsJobQueue(sqs, queues, JobQueue.DEFAULT_MAX_RECEIVES).approximateDepth();
      assertThat(depth.deadLettered()).isZero();
      LedgerStore ledger = new LedgerStore(new DynamoDbMetadataTable(client, table, CLOCK), CLOCK);
      for (Member m : members) {
        assertExactlyOnce(m, ledger);
      }
    }
  }

  private static void phase(String what, long since) {
    System.out.printf("multi-node: %s after %.1f s%n", what, (System.nanoTime() - since) / 1e9);
  }

  // --- the nodes ---

  private List<String> startNodes(Map<String, String> overrides) throws Exception {
    Map<String, String> env = new HashMap<>(simulator.environment());
    env.put("SYNCWELL_DATA_DIR", dir.resolve("data").toString());
    env.put("SYNCWELL_AUTH_DEV", "true");
    env.put("SYNCWELL_STORE", "dynamodb");
    env.put("SYNCWELL_DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
    env.put("SYNCWELL_DYNAMODB_TABLE", table);
    env.put("SYNCWELL_QUEUE", "sqs");
    env.put("SYNCWELL_SQS_ENDPOINT", sqsEndpoint);
    env.put("SYNCWELL_SQS_QUEUE_URL", queues.queueUrl());
    env.put("SYNCWELL_SQS_DLQ_URL", queues.deadLetterQueueUrl());
    env.put("SYNCWELL_RATE_LIMITER", "redis");
    // Beyond its timeout a limiter call is answered by the node alone (by design); on a loaded
    // two-core test machine 100 ms is not enough to keep every burst decision on Redis.
    env.put("SYNCWELL_REDIS_TIMEOUT_MS", "2000");
    env.put("SYNCWELL_REDIS_URL", redis.url().toString());
    env.put("SYNCWELL_RATE_IP_PER_5MIN", "10000000");
    env.put("SYNCWELL_WORKER_CONCURRENCY", "8");
    env.put("SYNCWELL_STRAVA_RATE_LIMITS", "1000000,10000000,1000000,10000000");
    env.put("AWS_REGION", "us-east-1");
    env.putAll(overrides);
    List<String> bases = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      // one at a time: the first node creates the shared keysets in the data directory
      ServeProcess node = ServeProcess.start("node-" + i, freePort(), env, dir);
      nodes.add(node);
      bases.add(node.baseUrl());
    }
    return bases;
  }

  private JsonNode readiness(String base) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/readyz")).build(),
            HttpResponse.BodyHandlers.ofString());
    return ApiUser.parse(r.body());
  }

  /**
   * A fresh JVM answers its first requests slowly; a limiter call slower than its 100 ms bound is
   * answered locally by design. Warm both nodes up so the bursts measure the shared budget.
   */
  private void warmUp(List<String> bases) throws Exception {
    for (String base : bases) {
      ApiUser warm = user("warm-" + UUID.randomUUID());
      for (int i = 0; i < 15; i++) {
        warm.send(base, "GET", "/v1/users/me", null, null);
      }
      awaitShared(base);
    }
  }

  /** Decisions both nodes answered without Redis so far, from their metrics. */
  private double fallbacks(List<String> bases) throws Exception {
    double total = 0;
    for (String base : bases) {
      String text =
          http.send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      total +=
          text.lines()
              .filter(l -> l.startsWith("syncwell_ratelimit_fallback_decisions_total"))
              .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
              .sum();
    }
    return total;
  }

  /** Polls (bounded) until the node's limiter is back on Redis; requests drive its probe. */
  private void awaitShared(String base) throws Exception {
    ApiUser prober = user("prober-" + UUID.randomUUID());
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      prober.send(base, "GET", "/v1/users/me", null, null);
      if (readiness(base).path("dependencies").path("rateLimiter").asText().equals("shared")) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(200); // polling with a bound: the limiter probes every second
    }
    throw new AssertionError("the limiter of " + base + " did not return to Redis");
  }

  // --- users, bursts and jobs ---

  private ApiUser user(String id) {
    return new ApiUser(issuer.mint(id, Duration.ofMinutes(30)), http);
  }

  private record Burst(
      int accepted, int throttled, Map<String, Integer> acceptedByNode, Duration took) {
    int wholeSeconds() {
      return (int) took.toSeconds();
    }
  }

  /** {@code count} requests at once, spread round-robin over {@code bases}. */
  private Burst burst(ApiUser who, List<String> bases, int count) throws Exception {
    Map<String, Integer> byNode = new ConcurrentHashMap<>();
    List<Future<Integer>> answers = new ArrayList<>();
    long t0 = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        String base = bases.get(i % bases.size());
        answers.add(
            pool.submit(
                () -> {
                  int status = who.send(base, "GET", "/v1/users/me", null, null).statusCode();
                  if (status == 200) {
                    byNode.merge(base, 1, Integer::sum);
                  }
                  return status;
                }));
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    int ok = 0;
    int throttled = 0;
    for (Future<Integer> f : answers) {
      int status = f.get();
      if (status == 200) {
        ok++;
      } else if (status == 429) {
        throttled++;
      }
    }
    return new Burst(ok, throttled, byNode, took);
  }

  private record Member(String simUser, ApiUser api, String configId) {}

  /** A user with Strava and Fitbit connected and a Strava → Fitbit workout config. */
  private Member member(String simUser, String one, String other) throws Exception {
    ApiUser api = user(simUser);
    String strava = api.connect(one, other, "strava", simUser);
    String fitbit = api.connect(other, one, "fitbit", simUser);
    JsonNode config =
        api.call(
            one,
            "POST",
            "/v1/sync-configs",
            "{\"sourceConnectionId\":\""
                + strava
                + "\",\"destinationConnectionId\":\""
                + fitbit
                + "\",\"dataType\":\"workout\"}",
            201);
    return new Member(simUser, api, config.path("syncConfigId").asText());
  }

  /** Submits every job at once across both nodes; job id → its member. */
  private Map<String, Member> submit(List<Member> members, int perMember, List<String> bases)
      throws Exception {
    Map<String, Member> jobs = new ConcurrentHashMap<>();
    Semaphore inFlight = new Semaphore(64);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> sent = new ArrayList<>();
      for (int j = 0; j < perMember; j++) {
        for (int u = 0; u < members.size(); u++) {
          Member m = members.get(u);
          String base = bases.get((u + j) % 2);
          sent.add(
              pool.submit(
                  () -> {
                    inFlight.acquire();
                    try {
                      HttpResponse<String> r =
                          m.api()
                              .send(
                                  base,
                                  "POST",
                                  "/v1/sync-jobs",
                                  "{\"syncConfigId\":\"" + m.configId() + "\"}",
                                  UUID.randomUUID().toString());
                      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                      jobs.put(ApiUser.parse(r.body()).path("jobId").asText(), m);
                    } finally {
                      inFlight.release();
                    }
                    return null;
                  }));
        }
      }
      for (Future<?> f : sent) {
        f.get(BOUND.toSeconds(), TimeUnit.SECONDS);
      }
    }
    return jobs;
  }

  /** Jobs by status, read through one node's API (each user lists their own jobs). */
  private Map<String, Integer> statuses(Map<String, Member> jobs, String base) throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    Set<Member> members = Set.copyOf(jobs.values());
    for (Member m : members) {
      Optional<String> cursor = Optional.empty();
      do {
        String path =
            "/v1/sync-jobs?limit=100"
                + cursor
                    .map(
                        c ->
                            "&pageToken="
                                + java.net.URLEncoder.encode(
                                    c, java.nio.charset.StandardCharsets.UTF_8))
                    .orElse("");
        var answer = m.api().sendWith(base, "GET", path, null, Map.of());
        if (answer.statusCode() == 503) {
          throw new Unavailable(answer.body());
        }
        JsonNode page = m.api().call(base, "GET", path, null, 200);
        for (JsonNode job : page.path("items")) {
          if (jobs.containsKey(job.path("jobId").asText())) {
            counts.merge(job.path("status").asText(), 1, Integer::sum);
          }
        }
        cursor = Optional.ofNullable(page.path("nextPageToken").textValue());
      } while (cursor.isPresent());
    }
    return counts;
  }

  /** A 503 answer: the node's store did not answer in time, and it asks the client to retry. */
  private static final class Unavailable extends Exception {
    Unavailable(String body) {
      super(body);
    }
  }

  /**
   * Polls (bounded) until at least {@code target} jobs ended; returns how many had. A 503 (a slow
   * dynalite on a loaded machine) is retried like a job that has not ended yet.
   */
  private long awaitFinished(Map<String, Member> jobs, String base, int target) throws Exception {
    long deadline = System.nanoTime() + BOUND.toNanos();
    String unavailable = "none";
    Map<String, Integer> lastSeen = Map.of();
    while (System.nanoTime() < deadline) {
      Map<String, Integer> byStatus;
      try {
        byStatus = statuses(jobs, base);
      } catch (Unavailable e) {
        // the API's answer to a backing service that did not answer in time: retry shortly
        unavailable = e.getMessage();
        TimeUnit.MILLISECONDS.sleep(500);
        continue;
      }
      lastSeen = byStatus;
      long ended =
          byStatus.getOrDefault("SUCCEEDED", 0)
              + byStatus.getOrDefault("FAILED", 0)
              + byStatus.getOrDefault("CANCELLED", 0);
      if (ended >= target) {
        return ended;
      }
      TimeUnit.MILLISECONDS.sleep(500); // polling the jobs with a bound
    }
    throw new AssertionError(
        "jobs did not end in time: "
            + lastSeen
            + "; last 503: "
            + unavailable
            + "\n"
            + nodes.get(0).tail());
  }

  /**
   * Every Strava workout of the synced window is at Fitbit exactly once, and the ledger maps each
   * to one destination record.
   */
  private void assertExactlyOnce(Member m, LedgerStore ledger) {
    var account = simulator.accounts().named(m.simUser());
    Instant now = CLOCK.instant();
    List<SimWorkout> source =
        account.strava().workouts().stream()
            .filter(w -> !w.start().isBefore(now.minus(Duration.ofDays(30))))
            .toList();
    List<SimWorkout> destination = account.fitbit().workouts();
    assertThat(source).isNotEmpty();
    for (SimWorkout w : source) {
      assertThat(near(destination, w)).as(m.simUser() + " workout at " + w.start()).isEqualTo(1);
    }
    List<LedgerEntry> entries = new ArrayList<>();
    Optional<String> page = Optional.empty();
    do {
      var result = ledger.listByConfig(m.simUser(), m.configId(), 100, page);
      entries.addAll(result.items());
      page = result.nextPageToken();
    } while (page.isPresent());
    assertThat(entries).allMatch(e -> e.state() == LedgerState.WRITTEN);
    assertThat(entries.stream().map(e -> e.destinationId().orElseThrow()).distinct().count())
        .isEqualTo(entries.size());
  }

  private static long near(List<SimWorkout> workouts, SimWorkout w) {
    return workouts.stream()
        .filter(
            o -> Duration.between(o.start(), w.start()).abs().compareTo(Duration.ofMinutes(1)) <= 0)
        .count();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
