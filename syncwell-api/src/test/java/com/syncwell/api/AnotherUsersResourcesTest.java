package com.syncwell.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatorOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IDOR: user B names user A's connection, config, job and export ids in every route that takes an
 * id (path or body) and gets the same 404 as for an id that never existed; nothing A owns changes,
 * not even when B erases their own account; no request can name a user at all.
 */
class AnotherUsersResourcesTest {
  private static final String A = "user-a";
  private static final String B = "user-b";

  @TempDir Path dir;
  ProviderSimulator sim;
  ApiBed bed;
  Flows flows;
  String aFitbit;
  String aStrava;
  String aConfig;
  String aJob;
  String aExport;
  String bStrava;

  @BeforeEach
  void start() {
    sim = ProviderSimulator.start(SimulatorOptions.defaults());
    bed = new ApiBed(dir, ApiBed.options().connectors(SimulatorConnectors.of(sim)));
    flows = new Flows(bed);
    aFitbit = flows.connect(A, "fitbit", "alice");
    aStrava = flows.connect(A, "strava", "alice");
    aConfig = flows.config(A, aFitbit, aStrava).path("syncConfigId").asText();
    aJob = flows.sync(A, aConfig, "a-1").path("jobId").asText();
    aExport =
        bed.send(
                bed.request("/v1/export-jobs", A)
                    .header("Idempotency-Key", "a-export")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build())
            .json()
            .path("exportId")
            .asText();
    bStrava = flows.connect(B, "strava", "bob");
  }

  @AfterEach
  void stop() {
    bed.close();
    sim.close();
  }

  /** The problem body without its correlation id, to compare two refusals. */
  private static String shape(ApiBed.Reply r) {
    ObjectNode doc = (ObjectNode) r.json();
    doc.remove("correlationId");
    return r.status() + " " + doc;
  }

  private void assertSameAsMissing(ApiBed.Reply foreign, ApiBed.Reply missing, String code) {
    PipelineTest.assertProblem(foreign, 404, code);
    assertThat(shape(foreign)).isEqualTo(shape(missing));
  }

  @Test
  void another_users_connection_is_404_like_a_missing_one() {
    assertSameAsMissing(
        bed.get("/v1/connections/" + aFitbit, B),
        bed.get("/v1/connections/conn_missing", B),
        "connection_not_found");
    assertSameAsMissing(
        bed.delete("/v1/connections/" + aFitbit, B),
        bed.delete("/v1/connections/conn_missing", B),
        "connection_not_found");
    assertThat(bed.get("/v1/connections", B).json().path("items")).hasSize(1);
    assertThat(bed.get("/v1/connections/" + aFitbit, A).status()).isEqualTo(200);
  }

  @Test
  void another_users_sync_config_is_404_like_a_missing_one() {
    assertSameAsMissing(
        bed.get("/v1/sync-configs/" + aConfig, B),
        bed.get("/v1/sync-configs/cfg_missing", B),
        "sync_config_not_found");
    assertSameAsMissing(
        bed.sendJson(
            "PATCH", "/v1/sync-configs/" + aConfig, B, "{\"enabled\":false}", "If-Match", "\"1\""),
        bed.sendJson(
            "PATCH", "/v1/sync-configs/cfg_missing", B, "{\"enabled\":false}", "If-Match", "\"1\""),
        "sync_config_not_found");
    assertSameAsMissing(
        bed.sendJson(
            "PATCH", "/v1/sync-configs/" + aConfig, B, "{\"enabled\":false}", "If-Match", "*"),
        bed.sendJson(
            "PATCH", "/v1/sync-configs/cfg_missing", B, "{\"enabled\":false}", "If-Match", "*"),
        "sync_config_not_found");
    assertSameAsMissing(
        bed.delete("/v1/sync-configs/" + aConfig, B),
        bed.delete("/v1/sync-configs/cfg_missing", B),
        "sync_config_not_found");
    assertSameAsMissing(
        bed.delete("/v1/sync-configs/" + aConfig, B, "If-Match", "\"1\""),
        bed.delete("/v1/sync-configs/cfg_missing", B, "If-Match", "\"1\""),
        "sync_config_not_found");
    assertThat(bed.get("/v1/sync-configs", B).json().path("items")).isEmpty();

    ApiBed.Reply mine = bed.get("/v1/sync-configs/" + aConfig, A);
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.header("ETag")).isEqualTo("\"1\"");
    assertThat(mine.json().path("enabled").asBoolean()).isTrue();
  }

  @Test
  void another_users_sync_job_is_404_like_a_missing_one() {
    assertSameAsMissing(
        bed.get("/v1/sync-jobs/" + aJob, B),
        bed.get("/v1/sync-jobs/job_missing", B),
        "sync_job_not_found");
    assertThat(bed.get("/v1/sync-jobs", B).json().path("items")).isEmpty();
    assertThat(bed.get("/v1/sync-jobs/" + aJob, A).status()).isEqualTo(200);
  }

  @Test
  void another_users_export_is_404_like_a_missing_one() {
    assertSameAsMissing(
        bed.get("/v1/export-jobs/" + aExport, B),
        bed.get("/v1/export-jobs/exp_missing", B),
        "export_not_found");
    ApiBed.Reply mine = bed.get("/v1/export-jobs/" + aExport, A);
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().at("/document/profile/userId").asText()).isEqualTo(A);
  }

  @Test
  void erasing_ones_own_account_touches_nothing_of_another_user() {
    String aBefore = bed.get("/v1/export-jobs/" + aExport, A).json().path("document").toString();

    assertThat(bed.delete("/v1/users/me", B).status()).isEqualTo(202);

    assertThat(bed.get("/v1/connections", B).json().path("items")).isEmpty();
    assertThat(bed.get("/v1/export-jobs/" + aExport, A).json().path("document").toString())
        .isEqualTo(aBefore);
    assertThat(bed.get("/v1/sync-jobs/" + aJob, A).status()).isEqualTo(200);
  }

  @Test
  void another_users_ids_in_a_body_are_404_like_missing_ones() {
    assertSameAsMissing(
        bed.sendJson(
            "POST",
            "/v1/sync-jobs",
            B,
            "{\"syncConfigId\":\"" + aConfig + "\"}",
            "Idempotency-Key",
            "b-1"),
        bed.sendJson(
            "POST",
            "/v1/sync-jobs",
            B,
            "{\"syncConfigId\":\"cfg_missing\"}",
            "Idempotency-Key",
            "b-2"),
        "sync_config_not_found");

    String foreignPair =
        "{\"sourceConnectionId\":\""
            + aFitbit
            + "\",\"destinationConnectionId\":\""
            + bStrava
            + "\",\"dataType\":\"workout\"";
    String missingPair = foreignPair.replace(aFitbit, "conn_missing");
    ApiBed.Reply foreignConfig = bed.sendJson("POST", "/v1/sync-configs", B, foreignPair + "}");
    assertSameAsMissing(
        foreignConfig,
        bed.sendJson("POST", "/v1/sync-configs", B, missingPair + "}"),
        "connection_not_found");
    assertThat(foreignConfig.json().path("field").asText()).isEqualTo("sourceConnectionId");
    assertSameAsMissing(
        bed.sendJson(
            "POST",
            "/v1/sync-jobs",
            B,
            foreignPair + ",\"mode\":\"manual\"}",
            "Idempotency-Key",
            "b-3"),
        bed.sendJson(
            "POST",
            "/v1/sync-jobs",
            B,
            missingPair + ",\"mode\":\"manual\"}",
            "Idempotency-Key",
            "b-4"),
        "connection_not_found");
    assertThat(bed.jobs.listByUser(B, 10, java.util.Optional.empty()).items()).isEmpty();
  }

  @Test
  void another_users_oauth_state_cannot_complete_a_connection() {
    Flows.Consent aliceConsent = flows.authorize(A, "fitbit", "alice-2");
    ApiBed.Reply stolen = flows.complete(B, "fitbit", aliceConsent);
    PipelineTest.assertProblem(stolen, 422, "invalid_state");
    assertThat(bed.get("/v1/connections", B).json().path("items")).hasSize(1);
  }

  @Test
  void no_request_can_name_a_user() {
    PipelineTest.assertProblem(bed.get("/v1/users/" + A, B), 404, "not_found");
    PipelineTest.assertProblem(bed.get("/v1/users/" + A + "/settings", B), 404, "not_found");
    ApiBed.Reply withUser =
        bed.sendJson(
            "PUT",
            "/v1/users/me/settings",
            B,
            "{\"userId\":\""
                + A
                + "\",\"defaultConflictStrategy\":\"dest_wins\","
                + "\"notificationsEnabled\":false}");
    PipelineTest.assertProblem(withUser, 400, "unknown_field");
    assertThat(withUser.json().path("field").asText()).isEqualTo("userId");
    ApiBed.Reply configForA =
        bed.sendJson(
            "POST",
            "/v1/sync-configs",
            B,
            "{\"userId\":\""
                + A
                + "\",\"sourceConnectionId\":\""
                + aFitbit
                + "\",\"destinationConnectionId\":\""
                + aStrava
                + "\",\"dataType\":\"workout\"}");
    PipelineTest.assertProblem(configForA, 400, "unknown_field");
    assertThat(bed.get("/v1/users/me/settings", A).json().path("defaultConflictStrategy").asText())
        .isEqualTo("source_wins");
    assertThat(bed.get("/v1/users/me", B).json().path("userId").asText()).isEqualTo(B);
  }
}
