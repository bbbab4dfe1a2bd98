package com.syncwell.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatorOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole embedded platform through its public API, as an app would use it: a dev token, both
 * providers connected through the real OAuth redirect against the simulator, a sync config, a sync
 * job that the workers run, a rerun that writes nothing, and a retried request that is answered
 * from the record committed with its job.
 */
class ApiEndToEndTest {
  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private ProviderSimulator simulator;
  private EmbeddedRun run;
  private String base;
  private String token;

  @BeforeEach
  void start() {
    simulator = ProviderSimulator.start(SimulatorOptions.defaults());
    run = EmbeddedRun.start(dir, simulator, Map.of(), "e2e");
    base = run.base();
    token = run.token("e2e-user");
  }

  @AfterEach
  void stop() {
    run.close();
    simulator.close();
  }

  @Test
  void a_user_connects_both_providers_through_oauth_syncs_workouts_and_a_rerun_writes_nothing()
      throws Exception {
    JsonNode me = call("GET", "/v1/users/me", null, 200);
    String configId = user().connectWorkoutRoute(base, "e2e-alice").configId();

    JsonNode first = runJob(configId, "first-run");
    JsonNode second = runJob(configId, "second-run");
    HttpResponse<String> retried =
        send("POST", "/v1/sync-jobs", "{\"syncConfigId\":\"" + configId + "\"}", "first-run");

    assertThat(me.path("userId").asText()).isEqualTo("e2e-user");
    assertThat(first.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(first.path("report").path("written").asInt()).isPositive();
    assertThat(second.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(second.path("report").path("written").asInt()).isZero();
    assertThat(second.path("report").path("providerCalls").asInt()).isEqualTo(1);
    assertThat(retried.statusCode()).isEqualTo(202);
    assertThat(retried.headers().firstValue("Idempotency-Replayed")).contains("true");
    assertThat(JSON.readTree(retried.body()).path("jobId").asText())
        .as("the answer recorded with the first job")
        .isEqualTo(first.path("jobId").asText());
    assertThat(call("GET", "/v1/sync-jobs", null, 200).path("items").size()).isEqualTo(2);
    JsonNode connections = call("GET", "/v1/connections", null, 200);
    assertThat(connections.toString()).doesNotContain("accessToken", "refreshToken", "tokens");
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
