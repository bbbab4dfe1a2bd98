package com.syncwell.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.app.cli.Commands;
import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real in-process run (embedded platform, workers, simulator, the API over HTTP) as an app would
 * drive it, its traffic profile exported by the operator's route, and {@code syncwell capacity
 * --measured} reconciling the model with it.
 */
class MeasuredTrafficProfileTest {
  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "operator-token-for-tests-0123456789abcdef";

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private ProviderSimulator simulator;
  private EmbeddedRun run;
  private String base;
  private String token;

  @BeforeEach
  void start() {
    simulator = ProviderSimulator.start(SimulatorOptions.defaults());
    run = EmbeddedRun.start(dir, simulator, Map.of("SYNCWELL_ADMIN_TOKEN", ADMIN), "e2e");
    base = run.base();
    token = run.token("e2e-user");
  }

  @AfterEach
  void stop() {
    run.close();
    simulator.close();
  }

  @Test
  void a_profile_recorded_from_a_run_reconciles_with_the_model_and_names_no_user()
      throws Exception {
    call("GET", "/v1/users/me", null, 200);
    String configId = user().connectWorkoutRoute(base, "e2e-alice").configId();
    runJob(configId, "first-run");
    runJob(configId, "second-run");
    call("GET", "/v1/connections", null, 200);

    HttpResponse<String> exported =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/v1/admin/traffic-profile"))
                .header("Authorization", "Bearer " + ADMIN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Path profile = dir.resolve("traffic-profile.json");
    Files.writeString(profile, exported.body());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Commands.run(
            new String[] {"capacity", "--measured", profile.toString()},
            Map.of(),
            new PrintWriter(out, true),
            new PrintWriter(err, true));

    assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
    JsonNode day = JSON.readTree(exported.body()).path("current");
    assertThat(day.path("users").asInt()).isEqualTo(1);
    assertThat(day.path("sessions").asInt()).isEqualTo(1);
    assertThat(day.path("syncs").asInt()).isEqualTo(2);
    assertThat(day.path("syncsPerUserPerDay").asDouble()).isEqualTo(2.0);
    assertThat(day.path("requestsPerSession").asDouble())
        .isEqualTo(day.path("userRequests").asDouble());
    assertThat(exported.body()).doesNotContain("e2e-user", "e2e-alice");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Reconciled with the measured profile: " + day.path("day").asText())
        .contains("1 users")
        .containsPattern("syncs/user/day \\(API: manual only\\) +10\\.00 +2\\.00 +×0\\.20")
        .containsPattern("syncs/day +10,000,000 +2,000,000")
        .contains("monthly cost, Lambda design")
        .contains("a demonstration, not a sample to budget from");
  }

  private JsonNode runJob(String configId, String idempotencyKey) throws Exception {
    HttpResponse<String> accepted =
        send("POST", "/v1/sync-jobs", "{\"syncConfigId\":\"" + configId + "\"}", idempotencyKey);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String jobId = JSON.readTree(accepted.body()).path("jobId").asText();
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode job = call("GET", "/v1/sync-jobs/" + jobId, null, 200);
      String status = job.path("status").asText();
      if (status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED")) {
        return job;
      }
      TimeUnit.MILLISECONDS.sleep(100); // polling the job with a bound
    }
    throw new AssertionError("job " + jobId + " did not end within " + BOUND);
  }

  private ApiUser user() {
    return new ApiUser(token, http);
  }

  private JsonNode call(String method, String path, String body, int expected)
      throws IOException, InterruptedException {
    return user().call(base, method, path, body, expected);
  }

  private HttpResponse<String> send(String method, String path, String body, String key)
      throws IOException, InterruptedException {
    return user().send(base, method, path, body, key);
  }
}
