package com.syncwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.testkit.servers.DynaliteServer;
import com.syncwell.testkit.servers.RedisServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
  private static final Duration BOUND = Duration.ofSeconds(30);
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void serve_all_answers_health_and_readiness_and_stops_gracefully_on_request(@TempDir Path dir)
      throws Exception {
    int port = freePort();
    Map<String, String> env =
        Map.of(
            "SYNCWELL_PORT", Integer.toString(port),
            "SYNCWELL_DATA_DIR", dir.toString(),
            "SYNCWELL_AUTH_DEV", "true");
    CommandLine line = Commands.commandLine(env);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    ServeCommand serve = (ServeCommand) line.getSubcommands().get("serve").getCommand();

    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> line.execute("serve"));
    assertThat(waitForHealth(port, exit)).isEqualTo(200);

    HttpResponse<String> ready = get(port, "/readyz");
    HttpResponse<String> unauthenticated = get(port, "/v1/users/me");
    serve.shutdown.trigger();

    assertThat(exit.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isZero();
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(unauthenticated.statusCode()).isEqualTo(401);
    assertThat(out.toString()).contains("role all", "API on port " + port, "scheduler");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void serve_without_any_identity_provider_stops_with_one_line_naming_the_setting(@TempDir Path dir)
      throws IOException {
    int code =
        Commands.run(
            new String[] {"serve", "--role", "api", "--port", Integer.toString(freePort())},
            Map.of("SYNCWELL_DATA_DIR", dir.toString()),
            new PrintWriter(out, true),
            new PrintWriter(err, true));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("syncwell: SYNCWELL_AUTH_FIREBASE_PROJECT_ID: ");
  }

  @Test
  void serve_on_sqs_without_its_dead_letter_queue_stops_with_one_line_naming_it(@TempDir Path dir) {
    int code =
        Commands.run(
            new String[] {"serve"},
            Map.of(
                "SYNCWELL_DATA_DIR", dir.toString(),
                "SYNCWELL_QUEUE", "sqs",
                "SYNCWELL_SQS_QUEUE_URL", "http://127.0.0.1:9/q"),
            new PrintWriter(out, true),
            new PrintWriter(err, true));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("syncwell: SYNCWELL_SQS_DLQ_URL: ");
  }

  @Test
  void serve_on_dynamodb_and_redis_reports_each_dependency_ready(@TempDir Path dir)
      throws Exception {
    SQSRestServer sqs = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    try (DynaliteServer dynamo = DynaliteServer.start();
        RedisServer redis = RedisServer.started()) {
      int port = freePort();
      Map<String, String> env = new HashMap<>();
      env.put("SYNCWELL_PORT", Integer.toString(port));
      env.put("SYNCWELL_DATA_DIR", dir.toString());
      env.put("SYNCWELL_AUTH_DEV", "true");
      env.put("SYNCWELL_STORE", "dynamodb");
      env.put("SYNCWELL_DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
      env.put("SYNCWELL_DYNAMODB_TABLE", "ServeTest");
      env.put(
          "SYNCWELL_SQS_ENDPOINT",
          "http://127.0.0.1:" + sqs.waitUntilStarted().localAddress().getPort());
      env.put("SYNCWELL_RATE_LIMITER", "redis");
      env.put("SYNCWELL_REDIS_URL", redis.url().toString());
      int created =
          Commands.run(
              new String[] {"admin", "create-table"},
              env,
              new PrintWriter(out, true),
              new PrintWriter(err, true));
      StringWriter exports = new StringWriter();
      int queues =
          Commands.run(
              new String[] {"admin", "create-queues", "--name", "serve-test"},
              env,
              new PrintWriter(exports, true),
              new PrintWriter(err, true));
      exports
          .toString()
          .lines()
          .map(l -> l.substring("export ".length()).split("=", 2))
          .forEach(kv -> env.put(kv[0], kv[1]));
      env.put("SYNCWELL_QUEUE", "sqs");
      CommandLine line = Commands.commandLine(env);
      line.setOut(new PrintWriter(out, true));
      line.setErr(new PrintWriter(err, true));
      ServeCommand serve = (ServeCommand) line.getSubcommands().get("serve").getCommand();
      CompletableFuture<Integer> exit =
          CompletableFuture.supplyAsync(() -> line.execute("serve", "--role", "api"));
      assertThat(waitForHealth(port, exit)).isEqualTo(200);

      HttpResponse<String> ready = get(port, "/readyz");
      serve.shutdown.trigger();

      assertThat(created).isZero();
      assertThat(queues).isZero();
      assertThat(exports.toString())
          .contains("SYNCWELL_SQS_QUEUE_URL=", "/serve-test\n", "SYNCWELL_SQS_DLQ_URL=");
      assertThat(out.toString()).contains("table ServeTest created and active");
      assertThat(exit.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isZero();
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
      assertThat(ready.body()).contains("\"metadataTable\":\"up\"", "\"rateLimiter\":\"shared\"");
    }
  }

  private int waitForHealth(int port, CompletableFuture<Integer> exit) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (System.nanoTime() < deadline) {
      if (exit.isDone()) {
        throw new AssertionError("serve stopped with " + exit.join() + ": " + err + out);
      }
      try {
        return get(port, "/healthz").statusCode();
      } catch (IOException notYet) {
        TimeUnit.MILLISECONDS.sleep(50); // polling with a bound while the server binds
      }
    }
    throw new AssertionError("serve did not answer /healthz within " + BOUND);
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
