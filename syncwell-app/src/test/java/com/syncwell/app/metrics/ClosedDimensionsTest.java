package com.syncwell.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.api.http.Route;
import com.syncwell.api.metrics.MetricDimensions;
import com.syncwell.app.ApiUser;
import com.syncwell.app.EmbeddedRun;
import com.syncwell.app.config.Settings;
import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatorOptions;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the embedded platform the way a user, a provider and an attacker would — OAuth to both
 * simulated providers, a sync job, an idempotent replay and a reused key, unknown paths, a missing
 * token, webhooks good and bad, a burst over the per-IP window — and then walks every meter in the
 * registry: each tag key must be a known dimension and each value inside its closed set.
 */
class ClosedDimensionsTest {
  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int IP_LIMIT = 300;

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private ProviderSimulator simulator;
  private EmbeddedRun run;
  private String base;
  private String token;

  @BeforeEach
  void start() {
    simulator = ProviderSimulator.start(SimulatorOptions.defaults());
    run =
        EmbeddedRun.start(
            dir,
            simulator,
            Map.of("SYNCWELL_RATE_IP_PER_5MIN", Integer.toString(IP_LIMIT)),
            "dimensions");
    base = run.base();
    token = run.token("metrics-user-7");
  }

  @AfterEach
  void stop() {
    run.close();
    simulator.close();
  }

  @Test
  void every_tag_of_every_meter_after_a_realistic_run_is_inside_its_closed_set() throws Exception {
    ApiUser.WorkoutRoute route =
        new ApiUser(token, http).connectWorkoutRoute(base, "metrics-alice");
    String fitbit = route.fitbit();
    String strava = route.strava();
    String configId = route.configId();
    String body = "{\"syncConfigId\":\"" + configId + "\"}";
    String jobId = send("POST", "/v1/sync-jobs", body, "key-1", token).path("jobId").asText();
    awaitEnd(jobId);
    send("POST", "/v1/sync-jobs", body, "key-1", token); // replayed
    send("POST", "/v1/sync-jobs", "{\"syncConfigId\":\"other\"}", "key-1", token); // 422
    send("GET", "/v1/sync-jobs/" + jobId + "x", null, null, token); // 404 by id
    send("GET", "/v1/no-such-thing/" + jobId, null, null, token); // unmatched
    send("DELETE", "/v1/providers", null, null, token); // 405
    send("GET", "/v1/users/me", null, null, null); // 401
    var options = simulator.options();
    send(
        "GET",
        "/v1/webhooks/strava?hub.mode=subscribe&hub.challenge=abc&hub.verify_token="
            + options.stravaVerifyToken(),
        null,
        null,
        null);
    send("POST", "/v1/webhooks/strava", "{\"subscription_id\":1}", null, null);
    send(
        "POST",
        "/v1/webhooks/strava",
        "{\"object_type\":\"activity\",\"aspect_type\":\"create\",\"object_id\":5,"
            + "\"owner_id\":99999999,\"event_time\":1,\"updates\":{},\"subscription_id\":"
            + options.stravaSubscriptionId()
            + "}",
        null,
        null);
    send("POST", "/v1/webhooks/fitbit", "{}", null, null);
    send("POST", "/v1/webhooks/garmin", "{}", null, null);
    int status = 0;
    for (int i = 0; i <= IP_LIMIT && status != 429; i++) {
      status = raw("GET", "/healthz", null, null, null).statusCode();
    }
    run.sync().stop();
    awaitFirstDepthPoll();

    Map<String, Set<String>> allowed =
        MetricDimensions.allowed(
            run.api().routes().routes().stream().map(Route::template).collect(Collectors.toSet()));
    List<String> outside = new ArrayList<>();
    for (Meter meter : run.platform().meters().getMeters()) {
      for (Tag tag : meter.getId().getTags()) {
        Set<String> values = allowed.get(tag.getKey());
        if (values == null || !values.contains(tag.getValue())) {
          outside.add(meter.getId().getName() + " " + tag.getKey() + "=" + tag.getValue());
        }
      }
    }
    assertThat(outside).isEmpty();
    String scrape = run.platform().meters().scrape();
    assertThat(scrape)
        .doesNotContain("metrics-user-7", "metrics-alice", jobId, configId, fitbit, strava)
        .contains("syncwell_http_requests_total{method=\"POST\",route=\"/v1/sync-jobs\"")
        .contains("syncwell_http_request_duration_seconds_bucket{")
        .contains("syncwell_sync_jobs_requested_total{trigger=\"manual\"} 1.0")
        .contains("syncwell_sync_job_runs_total{outcome=\"succeeded\"} 1.0")
        .contains("syncwell_sync_records_total{stage=\"written\"}")
        .contains("syncwell_provider_calls_total{provider=\"fitbit\"}")
        .contains("syncwell_provider_bytes_total{provider=\"strava\"}")
        .contains("syncwell_provider_circuit_state{provider=\"strava\",state=\"closed\"} 1.0")
        .contains("syncwell_queue_messages{state=\"dead_lettered\"} 0.0")
        .contains("syncwell_idempotency_outcomes_total{result=\"replayed\"} 1.0")
        .contains("syncwell_idempotency_outcomes_total{result=\"key_reused\"} 1.0")
        .contains("syncwell_ratelimit_rejections_total{policy=\"ip\"} 1.0")
        .contains("syncwell_webhooks_received_total{provider=\"strava\",verdict=\"accepted\"} 2.0")
        .contains("syncwell_webhooks_received_total{provider=\"strava\",verdict=\"refused\"} 1.0");
  }

  @Test
  void every_configurable_provider_id_is_in_the_closed_provider_set() {
    for (Settings.Provider p : Settings.Provider.values()) {
      assertThat(MetricDimensions.PROVIDERS).contains(p.id());
    }
  }

  /** The platform's depth gauges poll at start, on their own thread. */
  private void awaitFirstDepthPoll() throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (run.platform().meters().get("syncwell.queue.messages").gauges().stream()
        .anyMatch(g -> Double.isNaN(g.value()))) {
      assertThat(System.nanoTime()).as("first depth poll").isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(20); // polling with a bound
    }
  }

  private void awaitEnd(String jobId) throws Exception {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (System.nanoTime() < deadline) {
      String status =
          send("GET", "/v1/sync-jobs/" + jobId, null, null, token).path("status").asText();
      if (Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(status)) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(100); // polling the job with a bound
    }
    throw new AssertionError("job did not end within " + BOUND);
  }

  private JsonNode send(String method, String path, String body, String key, String bearer)
      throws IOException, InterruptedException {
    String answer = raw(method, path, body, key, bearer).body();
    return answer.isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer);
  }

  private HttpResponse<String> raw(
      String method, String path, String body, String key, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
