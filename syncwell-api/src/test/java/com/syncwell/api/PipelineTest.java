package com.syncwell.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.api.http.RateSettings;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTest {
  @TempDir Path dir;
  ApiBed bed;

  @BeforeEach
  void start() {
    bed = new ApiBed(dir, new UnlimitedRateLimiter(), RateSettings.defaults(), TestRoutes.all());
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  static void assertProblem(ApiBed.Reply reply, int status, String code) {
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
    JsonNode p = reply.json();
    assertThat(p.path("type").asText()).isEqualTo("https://syncwell.dev/problems/" + code);
    assertThat(p.path("title").asText()).isNotBlank();
    assertThat(p.path("status").asInt()).isEqualTo(status);
    assertThat(p.path("detail").asText()).isNotBlank();
    assertThat(p.path("code").asText()).isEqualTo(code);
    assertThat(p.path("correlationId").asText()).isEqualTo(reply.header("X-Correlation-Id"));
    assertThat(reply.text()).doesNotContain("Exception", "com.syncwell", "java.", "\tat ");
  }

  @Test
  void healthz_answers_200_without_a_token() {
    ApiBed.Reply r = bed.get("/healthz", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("status").asText()).isEqualTo("ok");
  }

  @Test
  void every_response_carries_a_generated_correlation_id() {
    ApiBed.Reply a = bed.get("/healthz", null);
    ApiBed.Reply b = bed.get("/nowhere", null);
    assertThat(a.header("X-Correlation-Id")).matches("[A-Za-z0-9._-]{8,64}");
    assertThat(b.header("X-Correlation-Id")).matches("[A-Za-z0-9._-]{8,64}");
    assertThat(a.header("X-Correlation-Id")).isNotEqualTo(b.header("X-Correlation-Id"));
  }

  @Test
  void a_well_formed_correlation_id_is_kept_and_a_malformed_one_replaced() {
    ApiBed.Reply kept =
        bed.send(bed.request("/nowhere", null).header("X-Correlation-Id", "abc.DEF_123-x").build());
    assertThat(kept.header("X-Correlation-Id")).isEqualTo("abc.DEF_123-x");
    assertThat(kept.json().path("correlationId").asText()).isEqualTo("abc.DEF_123-x");

    for (String bad :
        new String[] {"short", "has space inside it", "x".repeat(65), "semi;colon!"}) {
      ApiBed.Reply replaced =
          bed.send(bed.request("/healthz", null).header("X-Correlation-Id", bad).build());
      assertThat(replaced.header("X-Correlation-Id")).isNotEqualTo(bad).matches("[A-Za-z0-9-]{36}");
    }
  }

  @Test
  void the_correlation_id_is_in_the_logging_context_while_the_request_runs() {
    ApiBed.Reply r =
        bed.send(
            bed.request("/v1/test/mdc", null).header("X-Correlation-Id", "trace-12345").build());
    assertThat(r.json().path("mdc").asText()).isEqualTo("trace-12345");
    assertThat(r.json().path("request").asText()).isEqualTo("trace-12345");
  }

  @Test
  void an_unknown_path_is_404_problem_json() {
    assertProblem(bed.get("/v1/nothing-here", "user-a"), 404, "not_found");
    assertProblem(bed.get("/", null), 404, "not_found");
    assertProblem(bed.get("/healthz/", null), 404, "not_found");
  }

  @Test
  void a_known_path_with_another_method_is_405_with_allow() {
    ApiBed.Reply r =
        bed.send(
            bed.request("/healthz", null)
                .method("DELETE", HttpRequest.BodyPublishers.noBody())
                .build());
    assertProblem(r, 405, "method_not_allowed");
    assertThat(r.header("Allow")).isEqualTo("GET");

    ApiBed.Reply odd =
        bed.send(
            bed.request("/v1/test/echo", "user-a")
                .method("BREW", HttpRequest.BodyPublishers.noBody())
                .build());
    assertProblem(odd, 405, "method_not_allowed");
    assertThat(odd.header("Allow")).isEqualTo("POST");
  }

  @Test
  void a_body_over_64_kib_is_413_by_its_declared_length() {
    String big = "{\"name\":\"" + "x".repeat(64 * 1024) + "\"}";
    assertProblem(bed.sendJson("POST", "/v1/test/echo", "user-a", big), 413, "payload_too_large");
  }

  @Test
  void a_chunked_body_is_cut_off_at_64_kib_with_413() {
    byte[] big = ("{\"name\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes();
    ApiBed.Reply r =
        bed.send(
            bed.request("/v1/test/echo", "user-a")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build());
    assertProblem(r, 413, "payload_too_large");
  }

  @Test
  void a_body_of_exactly_64_kib_is_read() {
    String prefix = "{\"name\":\"";
    String suffix = "\"}";
    String exact = prefix + "y".repeat(64 * 1024 - prefix.length() - suffix.length()) + suffix;
    assertThat(exact.length()).isEqualTo(64 * 1024);
    ApiBed.Reply r = bed.sendJson("POST", "/v1/test/echo", "user-a", exact);
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void a_json_route_without_a_json_content_type_is_415() {
    ApiBed.Reply none =
        bed.send(
            bed.request("/v1/test/echo", "user-a")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertProblem(none, 415, "unsupported_media_type");
    ApiBed.Reply text =
        bed.send(
            bed.request("/v1/test/echo", "user-a")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertProblem(text, 415, "unsupported_media_type");
    ApiBed.Reply withCharset =
        bed.send(
            bed.request("/v1/test/echo", "user-a")
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(withCharset.status()).isEqualTo(200);
  }

  @Test
  void a_user_route_without_a_valid_token_is_401_with_a_bearer_challenge() {
    ApiBed.Reply missing = bed.sendJson("POST", "/v1/test/echo", null, "{}");
    assertProblem(missing, 401, "missing_token");
    assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");

    ApiBed.Reply bad = bed.sendJson("POST", "/v1/test/echo", "not a token", "{}");
    assertProblem(bad, 401, "malformed_token");
    assertThat(bad.header("WWW-Authenticate")).contains("Bearer", "invalid_token");
  }

  @Test
  void signing_keys_that_cannot_be_fetched_are_503_with_retry_after_not_the_callers_401() {
    ApiBed.Reply down = bed.sendJson("POST", "/v1/test/echo", "keys-down", "{}");

    assertProblem(down, 503, "keys_unavailable");
    assertThat(down.header("Retry-After")).isEqualTo("60");
    assertThat(down.header("WWW-Authenticate")).isNull();
  }

  @Test
  void open_routes_need_no_token() {
    assertThat(bed.get("/v1/test/open", null).status()).isEqualTo(200);
    assertThat(bed.get("/readyz", null).status()).isEqualTo(200);
    assertThat(bed.get("/metrics", null).status()).isEqualTo(200);
    assertThat(bed.get("/v1/openapi.yaml", null).status()).isEqualTo(200);
  }

  @Test
  void malformed_json_is_400() {
    assertProblem(
        bed.sendJson("POST", "/v1/test/echo", "user-a", "{\"name\": "), 400, "malformed_json");
    assertProblem(
        bed.sendJson("POST", "/v1/test/echo", "user-a", "{\"name\":\"a\"} trailing"),
        400,
        "malformed_json");
    assertProblem(
        bed.sendJson("POST", "/v1/test/echo", "user-a", "{\"name\":\"a\",\"name\":\"b\"}"),
        400,
        "malformed_json");
    assertProblem(bed.sendJson("POST", "/v1/test/echo", "user-a", ""), 400, "missing_body");
  }

  @Test
  void an_unknown_field_is_400_naming_it() {
    ApiBed.Reply r = bed.sendJson("POST", "/v1/test/echo", "user-a", "{\"nested\":{\"extra\":1}}");
    assertProblem(r, 400, "unknown_field");
    assertThat(r.json().path("field").asText()).isEqualTo("nested.extra");
  }

  @Test
  void a_wrong_type_is_400_naming_the_field() {
    for (String[] c :
        new String[][] {
          {"{\"count\":\"3\"}", "count"},
          {"{\"count\":1.5}", "count"},
          {"{\"name\":42}", "name"},
          {"{\"flag\":\"true\"}", "flag"},
          {"{\"flag\":1}", "flag"},
          {"{\"nested\":\"x\"}", "nested"},
          {"{\"numbers\":[1,\"two\"]}", "numbers[1]"},
          {"[]", "$"},
        }) {
      ApiBed.Reply r = bed.sendJson("POST", "/v1/test/echo", "user-a", c[0]);
      assertProblem(r, 400, "invalid_type");
      assertThat(r.json().path("field").asText()).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void a_number_that_does_not_fit_is_400_naming_the_field() {
    ApiBed.Reply r =
        bed.sendJson("POST", "/v1/test/echo", "user-a", "{\"count\": 99999999999999999999}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("field").asText()).isEqualTo("count");
    assertThat(r.json().path("code").asText()).isEqualTo("number_out_of_range");
  }

  @Test
  void deep_nesting_is_400_not_a_crash() {
    String deep = "{\"nested\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    ApiBed.Reply r = bed.sendJson("POST", "/v1/test/echo", "user-a", deep);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("field").asText()).isEqualTo("nested");
  }

  @Test
  void a_store_failure_is_503_without_internals() {
    ApiBed.Reply r = bed.get("/v1/test/store-down", "user-a");
    assertProblem(r, 503, "service_unavailable");
    assertThat(r.text()).doesNotContain("exploded", "secret", "SQL");
  }

  @Test
  void a_handler_bug_is_a_generic_500() {
    ApiBed.Reply r = bed.get("/v1/test/bug", "user-a");
    assertProblem(r, 500, "internal_error");
    assertThat(r.text()).doesNotContain("Secret", "NullPointer");
  }

  @Test
  void readyz_names_the_failing_dependency() {
    bed.table.down(true);
    ApiBed.Reply store = bed.get("/readyz", null);
    assertProblem(store, 503, "dependency_unavailable");
    assertThat(store.json().path("failing").toString()).isEqualTo("[\"metadataTable\"]");
    assertThat(store.json().path("dependencies").path("metadataTable").asText()).isEqualTo("down");
    assertThat(store.json().path("dependencies").path("jobQueue").asText()).isEqualTo("up");

    bed.table.down(false);
    bed.queue.down(true);
    ApiBed.Reply queue = bed.get("/readyz", null);
    assertProblem(queue, 503, "dependency_unavailable");
    assertThat(queue.json().path("failing").toString()).isEqualTo("[\"jobQueue\"]");

    bed.queue.down(false);
    ApiBed.Reply ready = bed.get("/readyz", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().path("dependencies").toString())
        .isEqualTo("{\"metadataTable\":\"up\",\"jobQueue\":\"up\",\"rateLimiter\":\"local\"}");
  }

  @Test
  void metrics_count_requests_by_route_template_never_by_raw_path() {
    bed.get("/v1/test/open", null);
    bed.get("/v1/does-not-exist-12345", null);
    bed.get("/v1/test/bug", "user-a");
    String metrics = bed.get("/metrics", null).text();
    assertThat(metrics)
        .contains("syncwell_http_requests_total")
        .contains("syncwell_http_request_duration_seconds")
        .contains("route=\"/v1/test/open\"")
        .contains("route=\"unmatched\"")
        .contains("status=\"5xx\"")
        .doesNotContain("does-not-exist-12345");
  }

  @Test
  void the_contract_is_served_as_yaml() {
    ApiBed.Reply r = bed.get("/v1/openapi.yaml", null);
    assertThat(r.header("Content-Type")).startsWith("application/yaml");
    assertThat(r.text()).startsWith("openapi: 3.1");
  }
}
