package com.syncwell.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.api.webhook.WebhookReceiver;
import com.syncwell.api.webhook.WebhookReply;
import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every v1 route's happy path (and its main refusals) over HTTP, against the simulator. */
class ResourcesTest {
  private static final String A = "user-a";

  @TempDir Path dir;
  ProviderSimulator sim;
  ApiBed bed;
  Flows flows;
  final AtomicReference<com.syncwell.api.webhook.WebhookRequest> received = new AtomicReference<>();

  @BeforeEach
  void start() {
    sim = ProviderSimulator.start(SimulatorOptions.defaults());
    WebhookReceiver echo =
        new WebhookReceiver() {
          @Override
          public String provider() {
            return "echo";
          }

          @Override
          public WebhookReply handle(com.syncwell.api.webhook.WebhookRequest request) {
            received.set(request);
            return request.method().equals("GET")
                ? WebhookReply.json(200, "{\"echo\":true}")
                : WebhookReply.refused(403, "bad_signature", "The signature does not verify.");
          }
        };
    bed =
        new ApiBed(
            dir, ApiBed.options().connectors(SimulatorConnectors.of(sim)).receivers(List.of(echo)));
    flows = new Flows(bed);
  }

  @AfterEach
  void stop() {
    bed.close();
    sim.close();
  }

  @Test
  void providers_list_what_each_reads_and_writes() {
    ApiBed.Reply r = bed.get("/v1/providers", A);
    assertThat(r.status()).isEqualTo(200);
    JsonNode items = r.json().path("items");
    assertThat(items).hasSize(2);
    assertThat(items.get(0).path("id").asText()).isEqualTo("fitbit");
    assertThat(items.get(0).path("readable").toString()).contains("workout");
    assertThat(items.get(1).path("id").asText()).isEqualTo("strava");
    assertThat(items.get(1).path("writable").toString()).contains("workout");
  }

  @Test
  void the_profile_is_created_on_first_read_with_default_settings() {
    ApiBed.Reply me = bed.get("/v1/users/me", A);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().path("userId").asText()).isEqualTo(A);
    assertThat(me.json().path("tier").asText()).isEqualTo("FREE");
    assertThat(me.json().path("settings").path("defaultConflictStrategy").asText())
        .isEqualTo("source_wins");
    assertThat(me.json().path("createdAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(bed.get("/v1/users/me", A).body()).isEqualTo(me.body());
  }

  @Test
  void settings_are_read_and_replaced() {
    ApiBed.Reply read = bed.get("/v1/users/me/settings", A);
    assertThat(read.json().path("notificationsEnabled").asBoolean()).isTrue();

    ApiBed.Reply put =
        bed.sendJson(
            "PUT",
            "/v1/users/me/settings",
            A,
            "{\"defaultConflictStrategy\":\"newest_wins\",\"notificationsEnabled\":false}");
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().path("defaultConflictStrategy").asText()).isEqualTo("newest_wins");
    assertThat(bed.get("/v1/users/me/settings", A).body()).isEqualTo(put.body());

    ApiBed.Reply unknown =
        bed.sendJson(
            "PUT",
            "/v1/users/me/settings",
            A,
            "{\"defaultConflictStrategy\":\"loudest_wins\",\"notificationsEnabled\":false}");
    PipelineTest.assertProblem(unknown, 400, "invalid_field");
    assertThat(unknown.json().path("field").asText()).isEqualTo("defaultConflictStrategy");
    ApiBed.Reply missing =
        bed.sendJson("PUT", "/v1/users/me/settings", A, "{\"notificationsEnabled\":false}");
    PipelineTest.assertProblem(missing, 400, "missing_field");
    assertThat(missing.json().path("field").asText()).isEqualTo("defaultConflictStrategy");
  }

  @Test
  void a_connection_is_made_through_oauth_read_listed_and_deleted() {
    Flows.Consent consent = flows.authorize(A, "strava", "alice");
    ApiBed.Reply created = flows.complete(A, "strava", consent);
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().path("connectionId").asText();
    assertThat(created.header("Location")).isEqualTo("/v1/connections/" + id);
    assertThat(created.json().path("provider").asText()).isEqualTo("strava");
    assertThat(created.json().path("status").asText()).isEqualTo("ACTIVE");
    assertThat(created.text()).doesNotContainIgnoringCase("token").doesNotContain("refresh");

    PipelineTest.assertProblem(flows.complete(A, "strava", consent), 409, "state_already_used");

    ApiBed.Reply one = bed.get("/v1/connections/" + id, A);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().path("connectionId").asText()).isEqualTo(id);
    assertThat(bed.get("/v1/connections", A).json().path("items")).hasSize(1);

    assertThat(bed.delete("/v1/connections/" + id, A).status()).isEqualTo(204);
    PipelineTest.assertProblem(bed.get("/v1/connections/" + id, A), 404, "connection_not_found");
    assertThat(bed.get("/v1/connections", A).json().path("items")).isEmpty();
  }

  @Test
  void starting_an_authorization_validates_its_fields() {
    ApiBed.Reply unknown =
        bed.sendJson(
            "POST",
            "/v1/connections/authorizations",
            A,
            "{\"provider\":\"garmin\",\"redirectUri\":\""
                + Flows.REDIRECT
                + "\",\"codeChallenge\":\""
                + "a".repeat(43)
                + "\"}");
    PipelineTest.assertProblem(unknown, 422, "unknown_provider");
    assertThat(unknown.json().path("field").asText()).isEqualTo("provider");

    ApiBed.Reply badRedirect =
        bed.sendJson(
            "POST",
            "/v1/connections/authorizations",
            A,
            "{\"provider\":\"strava\",\"redirectUri\":\"http://evil.example/cb\",\"codeChallenge\":\""
                + "a".repeat(43)
                + "\"}");
    PipelineTest.assertProblem(badRedirect, 400, "invalid_field");
    assertThat(badRedirect.json().path("field").asText()).isEqualTo("redirectUri");

    ApiBed.Reply missing =
        bed.sendJson("POST", "/v1/connections/authorizations", A, "{\"provider\":\"strava\"}");
    PipelineTest.assertProblem(missing, 400, "missing_field");
  }

  @Test
  void sync_configs_carry_etags_and_patch_is_conditional() {
    String fitbit = flows.connect(A, "fitbit", "alice");
    String strava = flows.connect(A, "strava", "alice");

    ApiBed.Reply created =
        bed.sendJson(
            "POST",
            "/v1/sync-configs",
            A,
            "{\"sourceConnectionId\":\""
                + fitbit
                + "\",\"destinationConnectionId\":\""
                + strava
                + "\",\"dataType\":\"workout\",\"strategy\":\"dest_wins\"}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().path("syncConfigId").asText();
    assertThat(created.header("Location")).isEqualTo("/v1/sync-configs/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(created.json().path("strategy").asText()).isEqualTo("dest_wins");
    assertThat(created.json().path("enabled").asBoolean()).isTrue();

    PipelineTest.assertProblem(
        bed.sendJson(
            "POST",
            "/v1/sync-configs",
            A,
            "{\"sourceConnectionId\":\""
                + fitbit
                + "\",\"destinationConnectionId\":\""
                + strava
                + "\",\"dataType\":\"workout\"}"),
        409,
        "sync_config_exists");
    PipelineTest.assertProblem(
        bed.sendJson(
            "POST",
            "/v1/sync-configs",
            A,
            "{\"sourceConnectionId\":\""
                + fitbit
                + "\",\"destinationConnectionId\":\""
                + fitbit
                + "\",\"dataType\":\"workout\"}"),
        422,
        "same_connection");
    PipelineTest.assertProblem(
        bed.sendJson(
            "POST",
            "/v1/sync-configs",
            A,
            "{\"sourceConnectionId\":\""
                + strava
                + "\",\"destinationConnectionId\":\""
                + fitbit
                + "\",\"dataType\":\"sleep_session\"}"),
        422,
        "data_type_not_readable");

    ApiBed.Reply read = bed.get("/v1/sync-configs/" + id, A);
    assertThat(read.header("ETag")).isEqualTo("\"1\"");
    assertThat(bed.get("/v1/sync-configs", A).json().path("items")).hasSize(1);

    PipelineTest.assertProblem(
        bed.sendJson("PATCH", "/v1/sync-configs/" + id, A, "{\"enabled\":false}"),
        428,
        "precondition_required");
    ApiBed.Reply stale =
        bed.sendJson(
            "PATCH", "/v1/sync-configs/" + id, A, "{\"enabled\":false}", "If-Match", "\"7\"");
    PipelineTest.assertProblem(stale, 412, "version_mismatch");
    PipelineTest.assertProblem(
        bed.sendJson(
            "PATCH", "/v1/sync-configs/" + id, A, "{\"enabled\":false}", "If-Match", "W/\"1\""),
        412,
        "version_mismatch");

    ApiBed.Reply patched =
        bed.sendJson(
            "PATCH", "/v1/sync-configs/" + id, A, "{\"enabled\":false}", "If-Match", "\"1\"");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().path("enabled").asBoolean()).isFalse();
    assertThat(patched.header("ETag")).isEqualTo("\"2\"");

    PipelineTest.assertProblem(
        bed.delete("/v1/sync-configs/" + id, A, "If-Match", "\"1\""), 412, "version_mismatch");
    assertThat(bed.delete("/v1/sync-configs/" + id, A, "If-Match", "\"2\"").status())
        .isEqualTo(204);
    PipelineTest.assertProblem(bed.get("/v1/sync-configs/" + id, A), 404, "sync_config_not_found");
  }

  @Test
  void a_sync_job_is_queued_read_and_listed_with_pages() {
    String fitbit = flows.connect(A, "fitbit", "alice");
    String strava = flows.connect(A, "strava", "alice");
    String configId = flows.config(A, fitbit, strava).path("syncConfigId").asText();

    ApiBed.Reply accepted =
        bed.sendJson(
            "POST",
            "/v1/sync-jobs",
            A,
            "{\"syncConfigId\":\"" + configId + "\"}",
            "Idempotency-Key",
            "first-sync");
    assertThat(accepted.status()).isEqualTo(202);
    String jobId = accepted.json().path("jobId").asText();
    assertThat(jobId).startsWith("job_");
    assertThat(accepted.json().path("status").asText()).isEqualTo("QUEUED");
    assertThat(accepted.header("Location")).isEqualTo("/v1/sync-jobs/" + jobId);
    assertThat(bed.queue.approximateDepth().visible()).isEqualTo(1);

    ApiBed.Reply job = bed.get("/v1/sync-jobs/" + jobId, A);
    assertThat(job.status()).isEqualTo(200);
    assertThat(job.json().path("status").asText()).isEqualTo("QUEUED");
    assertThat(job.json().path("syncConfigId").asText()).isEqualTo(configId);
    assertThat(job.json().path("trigger").asText()).isEqualTo("MANUAL");
    assertThat(job.json().path("progress").path("written").asLong()).isZero();

    List<String> ids = new ArrayList<>(List.of(jobId));
    for (int i = 0; i < 2; i++) {
      ids.add(flows.sync(A, configId, "more-" + i).path("jobId").asText());
    }
    List<String> listed = new ArrayList<>();
    String token = null;
    do {
      ApiBed.Reply page =
          bed.get("/v1/sync-jobs?limit=2" + (token == null ? "" : "&pageToken=" + token), A);
      assertThat(page.status()).as(page.text()).isEqualTo(200);
      page.json().path("items").forEach(j -> listed.add(j.path("jobId").asText()));
      token =
          page.json().hasNonNull("nextPageToken")
              ? java.net.URLEncoder.encode(
                  page.json().path("nextPageToken").asText(),
                  java.nio.charset.StandardCharsets.UTF_8)
              : null;
    } while (token != null);
    assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);

    PipelineTest.assertProblem(bed.get("/v1/sync-jobs?limit=0", A), 400, "invalid_field");
    PipelineTest.assertProblem(bed.get("/v1/sync-jobs?limit=abc", A), 400, "invalid_field");
    PipelineTest.assertProblem(
        bed.get("/v1/sync-jobs?pageToken=garbage", A), 400, "invalid_page_token");
    PipelineTest.assertProblem(bed.get("/v1/sync-jobs/job_nope", A), 404, "sync_job_not_found");
  }

  @Test
  void an_ad_hoc_sync_reuses_or_makes_a_config() {
    String fitbit = flows.connect(A, "fitbit", "alice");
    String strava = flows.connect(A, "strava", "alice");
    String body =
        "{\"sourceConnectionId\":\""
            + fitbit
            + "\",\"destinationConnectionId\":\""
            + strava
            + "\",\"dataType\":\"workout\",\"mode\":\"manual\"}";
    ApiBed.Reply accepted =
        bed.sendJson("POST", "/v1/sync-jobs", A, body, "Idempotency-Key", "adhoc-1");
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
    assertThat(accepted.json().path("status").asText()).isEqualTo("QUEUED");

    ApiBed.Reply historical =
        bed.sendJson(
            "POST",
            "/v1/sync-jobs",
            A,
            body.replace("\"manual\"", "\"historical\"")
                .replace("}", ",\"dateRange\":{\"from\":\"2025-01-01\",\"to\":\"2025-12-31\"}}"),
            "Idempotency-Key",
            "adhoc-2");
    assertThat(historical.status()).as(historical.text()).isEqualTo(202);
    String historicalJob = historical.json().path("jobId").asText();
    assertThat(bed.get("/v1/sync-jobs/" + historicalJob, A).status()).isEqualTo(200);

    ApiBed.Reply badDate =
        bed.sendJson(
            "POST",
            "/v1/sync-jobs",
            A,
            body.replace("\"manual\"", "\"historical\"")
                .replace("}", ",\"dateRange\":{\"from\":\"yesterday\",\"to\":\"2025-12-31\"}}"),
            "Idempotency-Key",
            "adhoc-3");
    PipelineTest.assertProblem(badDate, 400, "invalid_field");
    assertThat(badDate.json().path("field").asText()).isEqualTo("dateRange.from");

    ApiBed.Reply both =
        bed.sendJson(
            "POST",
            "/v1/sync-jobs",
            A,
            body.replace("{", "{\"syncConfigId\":\"x\","),
            "Idempotency-Key",
            "adhoc-4");
    PipelineTest.assertProblem(both, 400, "conflicting_fields");
  }

  @Test
  void webhooks_reach_their_receiver_with_the_raw_request() {
    ApiBed.Reply ok = bed.get("/v1/webhooks/echo?hub.challenge=abc", null);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.text()).isEqualTo("{\"echo\":true}");
    assertThat(received.get().queryParam("hub.challenge")).contains("abc");

    ApiBed.Reply refused =
        bed.send(
            bed.request("/v1/webhooks/echo", null)
                .header("Content-Type", "application/octet-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                .build());
    PipelineTest.assertProblem(refused, 403, "bad_signature");
    assertThat(received.get().body()).containsExactly(1, 2, 3);
    assertThat(received.get().header("content-type")).contains("application/octet-stream");

    PipelineTest.assertProblem(bed.get("/v1/webhooks/garmin", null), 404, "not_found");
  }

  @Test
  void strava_subscription_validation_goes_through_the_real_receiver() {
    ApiBed.Reply ok =
        bed.get(
            "/v1/webhooks/strava?hub.mode=subscribe&hub.verify_token="
                + ApiBed.STRAVA_VERIFY_TOKEN
                + "&hub.challenge=15f7d1a91c1f40f8a748fd134752feb3",
            null);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().path("hub.challenge").asText())
        .isEqualTo("15f7d1a91c1f40f8a748fd134752feb3");
    ApiBed.Reply wrong =
        bed.get("/v1/webhooks/strava?hub.mode=subscribe&hub.verify_token=x&hub.challenge=y", null);
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.header("Content-Type")).isEqualTo("application/problem+json");
  }
}
