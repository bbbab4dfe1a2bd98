package com.syncwell.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.api.http.ApiResponse;
import com.syncwell.api.http.RateSettings;
import com.syncwell.api.http.Route;
import com.syncwell.engine.port.StorageFailure;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotencyTest {
  @TempDir Path dir;
  ApiBed bed;
  final AtomicInteger created = new AtomicInteger();
  final AtomicInteger flakyCalls = new AtomicInteger();
  final AtomicInteger recordedCalls = new AtomicInteger();
  final CountDownLatch slowEntered = new CountDownLatch(1);
  final CountDownLatch slowRelease = new CountDownLatch(1);

  @BeforeEach
  void start() {
    List<Route> routes =
        List.of(
            Route.user(
                    "POST",
                    "/v1/test/jobs",
                    r -> {
                      int n = created.incrementAndGet();
                      return ApiResponse.json(201, Map.of("jobId", "job_" + n, "user", r.user()))
                          .withHeader("Location", "/v1/test/jobs/job_" + n);
                    })
                .requiringIdempotencyKey(),
            Route.user(
                "PUT",
                "/v1/test/things/{id}",
                r -> ApiResponse.json(200, Map.of("n", created.incrementAndGet()))),
            Route.user(
                "POST",
                "/v1/test/flaky",
                r -> {
                  if (flakyCalls.incrementAndGet() == 1) {
                    throw new StorageFailure("down", null);
                  }
                  return ApiResponse.json(201, Map.of("ok", true));
                }),
            Route.user(
                "POST",
                "/v1/test/recorded",
                r -> {
                  ApiResponse answer =
                      ApiResponse.json(201, Map.of("n", recordedCalls.incrementAndGet()));
                  r.responseRecord().record(answer);
                  if (r.header("X-Fail-After-Recording").isPresent()) {
                    throw new StorageFailure("down after the effects committed", null);
                  }
                  return answer;
                }),
            Route.user(
                "POST",
                "/v1/test/slow",
                r -> {
                  slowEntered.countDown();
                  try {
                    slowRelease.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return ApiResponse.json(201, Map.of("slow", true));
                }));
    bed = new ApiBed(dir, new UnlimitedRateLimiter(), RateSettings.defaults(), routes);
  }

  @AfterEach
  void stop() {
    slowRelease.countDown();
    bed.close();
  }

  private ApiBed.Reply post(String path, String user, String body, String key) {
    return key == null
        ? bed.sendJson("POST", path, user, body)
        : bed.sendJson("POST", path, user, body, "Idempotency-Key", key);
  }

  @Test
  void a_repeated_request_replays_the_first_response_byte_for_byte() {
    ApiBed.Reply first = post("/v1/test/jobs", "user-a", "{\"x\":1}", "key-1");
    ApiBed.Reply again = post("/v1/test/jobs", "user-a", "{\"x\":1}", "key-1");

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.header("Idempotency-Replayed")).isNull();
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(again.header("Content-Type")).isEqualTo(first.header("Content-Type"));
    assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat(again.header("X-Correlation-Id")).isNotEqualTo(first.header("X-Correlation-Id"));
    assertThat(created).hasValue(1);
  }

  @Test
  void the_same_key_with_another_body_is_422() {
    post("/v1/test/jobs", "user-a", "{\"x\":1}", "key-1");
    ApiBed.Reply other = post("/v1/test/jobs", "user-a", "{\"x\":2}", "key-1");
    PipelineTest.assertProblem(other, 422, "idempotency_key_reused");
    assertThat(created).hasValue(1);
  }

  @Test
  void a_job_creating_post_without_a_key_is_400() {
    ApiBed.Reply r = post("/v1/test/jobs", "user-a", "{}", null);
    PipelineTest.assertProblem(r, 400, "idempotency_key_required");
    assertThat(r.json().path("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(created).hasValue(0);
  }

  @Test
  void a_malformed_key_is_400() {
    PipelineTest.assertProblem(
        post("/v1/test/jobs", "user-a", "{}", "has space"), 400, "invalid_idempotency_key");
    PipelineTest.assertProblem(
        post("/v1/test/jobs", "user-a", "{}", "k".repeat(256)), 400, "invalid_idempotency_key");
    assertThat(post("/v1/test/jobs", "user-a", "{}", "k".repeat(255)).status()).isEqualTo(201);
  }

  @Test
  void a_request_still_in_flight_makes_the_second_409() throws Exception {
    CompletableFuture<HttpResponse<String>> first =
        bed.http.sendAsync(
            bed.request("/v1/test/slow", "user-a")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "slow-1")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(slowEntered.await(10, TimeUnit.SECONDS)).isTrue();

    ApiBed.Reply second = post("/v1/test/slow", "user-a", "{}", "slow-1");
    PipelineTest.assertProblem(second, 409, "idempotency_request_in_flight");

    slowRelease.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    ApiBed.Reply third = post("/v1/test/slow", "user-a", "{}", "slow-1");
    assertThat(third.status()).isEqualTo(201);
    assertThat(third.header("Idempotency-Replayed")).isEqualTo("true");
  }

  @Test
  void a_key_expires_after_24_hours() {
    ApiBed.Reply first = post("/v1/test/jobs", "user-a", "{}", "key-1");
    bed.clock.advance(Duration.ofHours(23));
    assertThat(post("/v1/test/jobs", "user-a", "{}", "key-1").body()).isEqualTo(first.body());
    bed.clock.advance(Duration.ofHours(1));
    ApiBed.Reply fresh = post("/v1/test/jobs", "user-a", "{}", "key-1");
    assertThat(fresh.status()).isEqualTo(201);
    assertThat(fresh.header("Idempotency-Replayed")).isNull();
    assertThat(fresh.body()).isNotEqualTo(first.body());
    assertThat(created).hasValue(2);
  }

  @Test
  void the_same_key_for_two_users_is_two_requests() {
    ApiBed.Reply a = post("/v1/test/jobs", "user-a", "{}", "shared");
    ApiBed.Reply b = post("/v1/test/jobs", "user-b", "{}", "shared");
    assertThat(b.header("Idempotency-Replayed")).isNull();
    assertThat(a.json().path("jobId").asText()).isNotEqualTo(b.json().path("jobId").asText());
    assertThat(b.json().path("user").asText()).isEqualTo("user-b");
    assertThat(created).hasValue(2);
  }

  @Test
  void a_5xx_releases_the_key_so_the_client_can_retry() {
    assertThat(post("/v1/test/flaky", "user-a", "{}", "retry-me").status()).isEqualTo(503);
    ApiBed.Reply retried = post("/v1/test/flaky", "user-a", "{}", "retry-me");
    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.header("Idempotency-Replayed")).isNull();
    assertThat(flakyCalls).hasValue(2);
  }

  @Test
  void a_key_is_honoured_on_other_mutating_requests_and_optional_there() {
    ApiBed.Reply first =
        bed.sendJson("PUT", "/v1/test/things/t1", "user-a", "{}", "Idempotency-Key", "put-1");
    ApiBed.Reply replay =
        bed.sendJson("PUT", "/v1/test/things/t1", "user-a", "{}", "Idempotency-Key", "put-1");
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.header("Idempotency-Replayed")).isEqualTo("true");
    PipelineTest.assertProblem(
        bed.sendJson("PUT", "/v1/test/things/t2", "user-a", "{}", "Idempotency-Key", "put-1"),
        422,
        "idempotency_key_reused");

    bed.sendJson("PUT", "/v1/test/things/t1", "user-a", "{}");
    bed.sendJson("PUT", "/v1/test/things/t1", "user-a", "{}");
    assertThat(created).hasValue(3);
  }

  @Test
  void an_answer_the_handler_recorded_in_its_own_commit_is_the_one_replayed() {
    ApiBed.Reply first = post("/v1/test/recorded", "user-a", "{}", "rec-1");
    ApiBed.Reply again = post("/v1/test/recorded", "user-a", "{}", "rec-1");

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat(recordedCalls).hasValue(1);
  }

  @Test
  void a_failure_after_the_answer_was_recorded_with_the_effects_still_replays_that_answer() {
    ApiBed.Reply failed =
        bed.sendJson(
            "POST",
            "/v1/test/recorded",
            "user-a",
            "{}",
            "Idempotency-Key",
            "rec-2",
            "X-Fail-After-Recording",
            "yes");
    PipelineTest.assertProblem(failed, 503, "service_unavailable");

    ApiBed.Reply retried = post("/v1/test/recorded", "user-a", "{}", "rec-2");
    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat(retried.json().path("n").asInt()).isEqualTo(1);
    assertThat(recordedCalls).as("the effects ran once").hasValue(1);
  }
}
