package com.syncwell.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.engine.store.ProfileStore;
import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatorOptions;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real answers of every route, successes and refusals, validated against the response schemas the
 * OpenAPI file documents for their status and content type.
 */
class ResponsesMatchTheContractTest {
  private static final String A = "user-a";

  @TempDir Path dir;
  ProviderSimulator sim;
  ApiBed bed;
  Flows flows;
  final OpenApiContract contract = OpenApiContract.load();
  final List<String> checked = new ArrayList<>();
  final List<String> mismatches = new ArrayList<>();

  @BeforeEach
  void start() {
    sim = ProviderSimulator.start(SimulatorOptions.defaults());
    bed = new ApiBed(dir, ApiBed.options().connectors(SimulatorConnectors.of(sim)));
    flows = new Flows(bed);
  }

  @AfterEach
  void stop() {
    bed.close();
    sim.close();
  }

  private ApiBed.Reply check(String method, String template, ApiBed.Reply reply) {
    String where = method + " " + template + " " + reply.status();
    checked.add(where);
    assertThat(reply.header("X-Correlation-Id")).as(where).isNotBlank();
    if (reply.body().length == 0) {
      return reply;
    }
    String type = reply.header("Content-Type").split(";", 2)[0].trim();
    Optional<JsonNode> schema = contract.responseSchema(method, template, reply.status(), type);
    if (schema.isEmpty()) {
      mismatches.add(where + ": no documented " + type + " response");
      return reply;
    }
    if (type.endsWith("json")) {
      List<String> errors = contract.validate(schema.get(), reply.json());
      if (!errors.isEmpty()) {
        mismatches.add(where + ": " + errors + " in " + reply.text());
      }
    }
    return reply;
  }

  @Test
  void every_answer_is_documented_and_matches_its_schema() {
    check("GET", "/healthz", bed.get("/healthz", null));
    check("GET", "/readyz", bed.get("/readyz", null));
    check("GET", "/metrics", bed.get("/metrics", null));
    check("GET", "/v1/openapi.yaml", bed.get("/v1/openapi.yaml", null));
    check("GET", "/v1/providers", bed.get("/v1/providers", A));
    check("GET", "/v1/providers", bed.get("/v1/providers", null));
    check("GET", "/v1/users/me", bed.get("/v1/users/me", A));
    check("GET", "/v1/users/me/settings", bed.get("/v1/users/me/settings", A));
    check(
        "PUT",
        "/v1/users/me/settings",
        bed.sendJson(
            "PUT",
            "/v1/users/me/settings",
            A,
            "{\"defaultConflictStrategy\":\"dest_wins\",\"notificationsEnabled\":true}"));
    check(
        "PUT",
        "/v1/users/me/settings",
        bed.sendJson("PUT", "/v1/users/me/settings", A, "{\"defaultConflictStrategy\":1}"));
    check(
        "PUT",
        "/v1/users/me/settings",
        bed.send(
            bed.request("/v1/users/me/settings", A)
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .build()));

    Flows.Consent consent = flows.authorize(A, "fitbit", "alice");
    ApiBed.Reply connected = check("POST", "/v1/connections", flows.complete(A, "fitbit", consent));
    check("POST", "/v1/connections", flows.complete(A, "fitbit", consent));
    String fitbit = connected.json().path("connectionId").asText();
    String strava = flows.connect(A, "strava", "alice");
    check(
        "POST",
        "/v1/connections/authorizations",
        bed.sendJson(
            "POST",
            "/v1/connections/authorizations",
            A,
            "{\"provider\":\"nope\",\"redirectUri\":\"https://x.example/cb\",\"codeChallenge\":\""
                + "b".repeat(43)
                + "\"}"));
    check("GET", "/v1/connections", bed.get("/v1/connections", A));
    check("GET", "/v1/connections/{id}", bed.get("/v1/connections/" + fitbit, A));
    check("GET", "/v1/connections/{id}", bed.get("/v1/connections/conn_x", A));

    ApiBed.Reply created =
        check(
            "POST",
            "/v1/sync-configs",
            bed.sendJson(
                "POST",
                "/v1/sync-configs",
                A,
                "{\"sourceConnectionId\":\""
                    + fitbit
                    + "\",\"destinationConnectionId\":\""
                    + strava
                    + "\",\"dataType\":\"workout\"}"));
    String config = created.json().path("syncConfigId").asText();
    check(
        "POST",
        "/v1/sync-configs",
        bed.sendJson(
            "POST",
            "/v1/sync-configs",
            A,
            "{\"sourceConnectionId\":\""
                + fitbit
                + "\",\"destinationConnectionId\":\""
                + strava
                + "\",\"dataType\":\"workout\"}"));
    check("GET", "/v1/sync-configs", bed.get("/v1/sync-configs", A));
    check("GET", "/v1/sync-configs/{id}", bed.get("/v1/sync-configs/" + config, A));
    check(
        "PATCH",
        "/v1/sync-configs/{id}",
        bed.sendJson("PATCH", "/v1/sync-configs/" + config, A, "{\"enabled\":false}"));
    check(
        "PATCH",
        "/v1/sync-configs/{id}",
        bed.sendJson(
            "PATCH", "/v1/sync-configs/" + config, A, "{\"enabled\":false}", "If-Match", "\"9\""));
    check(
        "PATCH",
        "/v1/sync-configs/{id}",
        bed.sendJson(
            "PATCH",
            "/v1/sync-configs/" + config,
            A,
            "{\"strategy\":\"newest_wins\"}",
            "If-Match",
            "\"1\""));

    ApiBed.Reply accepted =
        check(
            "POST",
            "/v1/sync-jobs",
            bed.sendJson(
                "POST",
                "/v1/sync-jobs",
                A,
                "{\"syncConfigId\":\"" + config + "\"}",
                "Idempotency-Key",
                "k1"));
    check(
        "POST",
        "/v1/sync-jobs",
        bed.sendJson(
            "POST",
            "/v1/sync-jobs",
            A,
            "{\"syncConfigId\":\"" + config + "\"}",
            "Idempotency-Key",
            "k1"));
    check(
        "POST",
        "/v1/sync-jobs",
        bed.sendJson("POST", "/v1/sync-jobs", A, "{\"syncConfigId\":\"" + config + "\"}"));
    check(
        "POST",
        "/v1/sync-jobs",
        bed.sendJson(
            "POST",
            "/v1/sync-jobs",
            A,
            "{\"syncConfigId\":\"" + config + "x\"}",
            "Idempotency-Key",
            "k1"));
    String job = accepted.json().path("jobId").asText();
    check("GET", "/v1/sync-jobs/{id}", bed.get("/v1/sync-jobs/" + job, A));
    check("GET", "/v1/sync-jobs/{id}", bed.get("/v1/sync-jobs/job_x", A));
    check("GET", "/v1/sync-jobs", bed.get("/v1/sync-jobs?limit=1", A));
    check("GET", "/v1/sync-jobs", bed.get("/v1/sync-jobs?limit=1000", A));

    check(
        "POST",
        "/v1/export-jobs",
        bed.send(
            bed.request("/v1/export-jobs", A).POST(HttpRequest.BodyPublishers.noBody()).build()));
    ApiBed.Reply export =
        check(
            "POST",
            "/v1/export-jobs",
            bed.send(
                bed.request("/v1/export-jobs", A)
                    .header("Idempotency-Key", "export-1")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build()));
    check(
        "GET",
        "/v1/export-jobs/{id}",
        bed.get("/v1/export-jobs/" + export.json().path("exportId").asText(), A));
    check("GET", "/v1/export-jobs/{id}", bed.get("/v1/export-jobs/exp_x", A));

    check("DELETE", "/v1/sync-configs/{id}", bed.delete("/v1/sync-configs/" + config, A));
    check("DELETE", "/v1/connections/{id}", bed.delete("/v1/connections/" + fitbit, A));
    check("DELETE", "/v1/connections/{id}", bed.delete("/v1/connections/" + fitbit, A));
    check(
        "DELETE",
        "/v1/connections/{id}",
        bed.send(
            bed.request("/v1/connections/" + strava, A)
                .method("POST", HttpRequest.BodyPublishers.noBody())
                .build()));

    check(
        "GET",
        "/v1/webhooks/{provider}",
        bed.get(
            "/v1/webhooks/strava?hub.mode=subscribe&hub.verify_token="
                + ApiBed.STRAVA_VERIFY_TOKEN
                + "&hub.challenge=abc",
            null));
    check(
        "GET",
        "/v1/webhooks/{provider}",
        bed.get(
            "/v1/webhooks/strava?hub.mode=subscribe&hub.verify_token=no&hub.challenge=abc", null));
    check(
        "POST",
        "/v1/webhooks/{provider}",
        bed.sendJson(
            "POST",
            "/v1/webhooks/strava",
            null,
            "{\"aspect_type\":\"create\",\"event_time\":1,\"object_id\":1,\"object_type\":\"activity\","
                + "\"owner_id\":1,\"subscription_id\":1,\"updates\":{}}"));
    check("GET", "/v1/webhooks/{provider}", bed.get("/v1/webhooks/nope", null));

    new ProfileStore(bed.table, bed.clock).markBeingErased(A);
    check("GET", "/v1/users/me", bed.get("/v1/users/me", A));
    check("GET", "/v1/users/me/settings", bed.get("/v1/users/me/settings", A));
    check(
        "POST",
        "/v1/export-jobs",
        bed.send(
            bed.request("/v1/export-jobs", A)
                .header("Idempotency-Key", "export-2")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build()));
    check("DELETE", "/v1/users/me", bed.delete("/v1/users/me", A));
    check("GET", "/v1/users/me", bed.get("/v1/users/me", A));

    assertThat(checked).hasSizeGreaterThanOrEqualTo(40);
    assertThat(mismatches).isEmpty();
  }
}
