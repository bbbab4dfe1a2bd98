package com.syncwell.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.connector.TokenSet;
import com.syncwell.engine.port.table.Query;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ProfileStore;
import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatorOptions;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DELETE /v1/users/me} and {@code POST, GET /v1/export-jobs} over HTTP against the provider
 * simulator: erasure leaves nothing of the user and revokes the grants; the export needs an
 * idempotency key, replays, and holds the user's data without a token; while an erasure is under
 * way the profile and new data answer 409.
 */
class ErasureAndExportTest {
  private static final String A = "user-a";
  private static final String B = "user-b";

  @TempDir Path dir;
  ProviderSimulator sim;
  ApiBed bed;
  Flows flows;
  String fitbit;
  String strava;
  String config;
  String job;

  @BeforeEach
  void start() {
    sim = ProviderSimulator.start(SimulatorOptions.defaults());
    bed = new ApiBed(dir, ApiBed.options().connectors(SimulatorConnectors.of(sim)));
    flows = new Flows(bed);
    fitbit = flows.connect(A, "fitbit", "alice");
    strava = flows.connect(A, "strava", "alice");
    config = flows.config(A, fitbit, strava).path("syncConfigId").asText();
    job = flows.sync(A, config, "sync-1").path("jobId").asText();
  }

  @AfterEach
  void stop() {
    bed.close();
    sim.close();
  }

  private ApiBed.Reply requestExport(String user, String key) {
    HttpRequest.Builder b =
        bed.request("/v1/export-jobs", user).POST(HttpRequest.BodyPublishers.noBody());
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    return bed.send(b.build());
  }

  private long revocations() {
    JsonNode stats = sim.stats().toJson();
    return stats
            .path("strava")
            .path("routes")
            .path("POST /oauth/deauthorize")
            .path("calls")
            .asLong()
        + stats.path("fitbit").path("routes").path("POST /oauth2/revoke").path("calls").asLong();
  }

  @Test
  void erasure_answers_202_and_then_nothing_of_the_user_is_left() {
    String export = requestExport(A, "export-1").json().path("exportId").asText();
    sim.stats().reset();

    ApiBed.Reply erased = bed.delete("/v1/users/me", A);

    assertThat(erased.status()).as(erased.text()).isEqualTo(202);
    assertThat(erased.json().path("status").asText()).isEqualTo("ERASED");
    assertThat(revocations()).isEqualTo(2);
    assertThat(bed.table.query(Query.partition("USER#" + A).limit(Query.MAX_LIMIT)).items())
        .isEmpty();
    assertThat(bed.get("/v1/connections", A).json().path("items")).isEmpty();
    assertThat(bed.get("/v1/sync-configs", A).json().path("items")).isEmpty();
    assertThat(bed.get("/v1/sync-jobs", A).json().path("items")).isEmpty();
    PipelineTest.assertProblem(
        bed.get("/v1/connections/" + fitbit, A), 404, "connection_not_found");
    PipelineTest.assertProblem(
        bed.get("/v1/sync-configs/" + config, A), 404, "sync_config_not_found");
    PipelineTest.assertProblem(bed.get("/v1/sync-jobs/" + job, A), 404, "sync_job_not_found");
    PipelineTest.assertProblem(bed.get("/v1/export-jobs/" + export, A), 404, "export_not_found");

    bed.clock.advance(Duration.ofMinutes(1));
    ApiBed.Reply fresh = bed.get("/v1/users/me", A);
    assertThat(fresh.status()).isEqualTo(200);
    assertThat(fresh.json().path("createdAt").asText()).isEqualTo(bed.clock.instant().toString());
    assertThat(flows.connect(B, "strava", "alice")).startsWith("conn_");

    ApiBed.Reply again = bed.delete("/v1/users/me", A);
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().path("status").asText()).isEqualTo("ERASED");
  }

  @Test
  void erasing_one_user_leaves_another_users_data_alone() {
    String bStrava = flows.connect(B, "strava", "bob");
    String bobAtStrava = bed.connections.get(B, bStrava).orElseThrow().providerUserId();

    assertThat(bed.delete("/v1/users/me", A).status()).isEqualTo(202);

    assertThat(bed.get("/v1/connections/" + bStrava, B).status()).isEqualTo(200);
    assertThat(bed.connections.findOwner("strava", bobAtStrava).orElseThrow().userId())
        .isEqualTo(B);
  }

  @Test
  void an_export_needs_an_idempotency_key_and_a_replay_returns_the_first_answer() {
    PipelineTest.assertProblem(requestExport(A, null), 400, "idempotency_key_required");

    ApiBed.Reply first = requestExport(A, "export-1");
    assertThat(first.status()).as(first.text()).isEqualTo(202);
    String id = first.json().path("exportId").asText();
    assertThat(id).startsWith("exp_");
    assertThat(first.json().path("status").asText()).isEqualTo("READY");
    assertThat(first.header("Location")).isEqualTo("/v1/export-jobs/" + id);
    assertThat(first.header("Idempotency-Replayed")).isNull();

    ApiBed.Reply replay = requestExport(A, "export-1");
    assertThat(replay.status()).isEqualTo(202);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
    assertThat(replay.header("Idempotency-Replayed")).isEqualTo("true");

    ApiBed.Reply other = requestExport(A, "export-2");
    assertThat(other.json().path("exportId").asText()).isNotEqualTo(id);
  }

  @Test
  void the_export_document_holds_the_users_data_and_never_a_token() {
    String id = requestExport(A, "export-1").json().path("exportId").asText();

    ApiBed.Reply got = bed.get("/v1/export-jobs/" + id, A);

    assertThat(got.status()).as(got.text()).isEqualTo(200);
    JsonNode body = got.json();
    assertThat(body.path("exportId").asText()).isEqualTo(id);
    assertThat(body.path("status").asText()).isEqualTo("READY");
    JsonNode doc = body.path("document");
    assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(doc.path("complete").asBoolean()).isTrue();
    assertThat(doc.path("healthData").asText()).contains("providers");
    assertThat(doc.path("profile").path("userId").asText()).isEqualTo(A);
    assertThat(doc.path("connections")).hasSize(2);
    assertThat(doc.path("syncConfigs").get(0).path("syncConfigId").asText()).isEqualTo(config);
    assertThat(doc.path("syncJobs").path("items").get(0).path("jobId").asText()).isEqualTo(job);
    assertThat(doc.path("exports").get(0).path("exportId").asText()).isEqualTo(id);
    assertThat(doc.path("recordCounts").path("idempotencyRecord").asLong()).isEqualTo(2);

    String text = got.text();
    for (String connectionId : List.of(fitbit, strava)) {
      Connection c = bed.connections.get(A, connectionId).orElseThrow();
      TokenSet tokens = bed.connections.tokens(c);
      assertThat(text).doesNotContain(tokens.accessToken());
      tokens.refreshToken().ifPresent(r -> assertThat(text).doesNotContain(r));
      byte[] sealed = c.tokens().ciphertext();
      assertThat(text)
          .doesNotContain(Base64.getEncoder().encodeToString(sealed))
          .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(sealed))
          .doesNotContain(HexFormat.of().formatHex(sealed));
    }
    assertThat(text).doesNotContainIgnoringCase("accessToken").doesNotContain("refreshToken");
  }

  @Test
  void another_users_export_is_404_like_a_missing_one() {
    String id = requestExport(A, "export-1").json().path("exportId").asText();

    PipelineTest.assertProblem(bed.get("/v1/export-jobs/" + id, B), 404, "export_not_found");
    PipelineTest.assertProblem(bed.get("/v1/export-jobs/exp_missing", B), 404, "export_not_found");
    assertThat(bed.get("/v1/export-jobs/" + id, A).status()).isEqualTo(200);
  }

  @Test
  void while_an_account_is_being_erased_its_profile_and_new_data_answer_409() {
    new ProfileStore(bed.table, bed.clock).markBeingErased(A);

    PipelineTest.assertProblem(bed.get("/v1/users/me", A), 409, "account_being_erased");
    PipelineTest.assertProblem(bed.get("/v1/users/me/settings", A), 409, "account_being_erased");
    PipelineTest.assertProblem(
        bed.sendJson(
            "PUT",
            "/v1/users/me/settings",
            A,
            "{\"defaultConflictStrategy\":\"dest_wins\",\"notificationsEnabled\":false}"),
        409,
        "account_being_erased");
    PipelineTest.assertProblem(
        bed.sendJson(
            "POST",
            "/v1/sync-jobs",
            A,
            "{\"syncConfigId\":\"" + config + "\"}",
            "Idempotency-Key",
            "sync-2"),
        409,
        "account_being_erased");
    PipelineTest.assertProblem(requestExport(A, "export-9"), 409, "account_being_erased");
    assertThat(bed.get("/v1/users/me", B).status()).isEqualTo(200);

    ApiBed.Reply finished = bed.delete("/v1/users/me", A);
    assertThat(finished.json().path("status").asText()).isEqualTo("ERASED");
    assertThat(bed.get("/v1/users/me", A).status()).isEqualTo(200);
  }
}
