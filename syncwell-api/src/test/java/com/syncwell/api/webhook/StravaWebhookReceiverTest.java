package com.syncwell.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.domain.DataType;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionStatus;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.testkit.ProviderFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StravaWebhookReceiverTest {
  private static final String EVENT = "strava/webhook-event-activity-update.docs-example.json";

  /** The documented validation request (webhook-subscription-validation.txt). */
  private static final Map<String, String> DOCUMENTED_VALIDATION =
      Map.of(
          "hub.mode", "subscribe",
          "hub.verify_token", "STRAVA",
          "hub.challenge", "15f7d1a91c1f40f8a748fd134752feb3");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;
  private WebhookBed bed;
  private StravaWebhookReceiver receiver;
  private Connection strava;

  @BeforeEach
  void open() {
    bed = new WebhookBed(dir);
    receiver =
        new StravaWebhookReceiver(
            StravaWebhookSettings.of(Optional.of("STRAVA"), Optional.of("120475")),
            bed.connections,
            bed.syncs);
    strava = bed.connect("u1", "strava", "134815");
    bed.sync(strava, DataType.WORKOUT);
  }

  @AfterEach
  void close() {
    bed.close();
  }

  private static byte[] event(String objectType, String aspect, Map<String, String> updates)
      throws IOException {
    ObjectNode e = (ObjectNode) MAPPER.readTree(ProviderFixtures.bytes(EVENT));
    e.put("object_type", objectType);
    e.put("aspect_type", aspect);
    ObjectNode u = e.putObject("updates");
    updates.forEach(u::put);
    return MAPPER.writeValueAsBytes(e);
  }

  private WebhookReply deliver(byte[] body) {
    return receiver.handle(WebhookBed.post(Map.of("Content-Type", "application/json"), body));
  }

  @Test
  void the_documented_validation_request_with_the_right_token_echoes_the_challenge()
      throws IOException {
    WebhookReply reply = receiver.handle(WebhookBed.get(DOCUMENTED_VALIDATION));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(MAPPER.readTree(reply.jsonBytes()).path("hub.challenge").asText())
        .isEqualTo("15f7d1a91c1f40f8a748fd134752feb3");
    bed.assertNothingChanged(bed.reread(strava));
  }

  @Test
  void a_validation_request_with_a_wrong_token_is_refused() {
    Map<String, String> wrong = new java.util.HashMap<>(DOCUMENTED_VALIDATION);
    wrong.put("hub.verify_token", "GUESSED");

    WebhookReply reply = receiver.handle(WebhookBed.get(wrong));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.code()).contains("invalid_verify_token");
    assertThat(reply.json()).isEmpty();
  }

  @Test
  void a_get_that_is_not_a_subscription_validation_is_answered_400() {
    WebhookReply reply =
        receiver.handle(
            WebhookBed.get(Map.of("hub.mode", "unsubscribe", "hub.verify_token", "STRAVA")));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).contains("invalid_validation_request");
  }

  @Test
  void the_documented_update_event_requests_one_workout_sync() {
    WebhookReply reply = deliver(ProviderFixtures.bytes(EVENT));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(bed.jobsOf("u1"))
        .singleElement()
        .satisfies(job -> assertThat(job.trigger()).isEqualTo(JobTrigger.WEBHOOK));
    assertThat(bed.queued()).isEqualTo(1);
  }

  @Test
  void an_activity_create_event_requests_a_workout_sync() throws IOException {
    WebhookReply reply = deliver(event("activity", "create", Map.of()));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(bed.jobsOf("u1")).hasSize(1);
  }

  @Test
  void an_event_for_another_subscription_changes_nothing() {
    StravaWebhookReceiver other =
        new StravaWebhookReceiver(
            StravaWebhookSettings.of(Optional.of("STRAVA"), Optional.of("999")),
            bed.connections,
            bed.syncs);

    WebhookReply reply = other.handle(WebhookBed.post(Map.of(), ProviderFixtures.bytes(EVENT)));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.code()).contains("unknown_subscription");
    bed.assertNothingChanged(strava);
  }

  @Test
  void an_activity_delete_event_syncs_nothing() throws IOException {
    WebhookReply reply = deliver(event("activity", "delete", Map.of()));

    assertThat(reply.status()).isEqualTo(200);
    bed.assertNothingChanged(strava);
  }

  @Test
  void a_deauthorization_event_revokes_the_connection_once() throws IOException {
    byte[] deauthorized = event("athlete", "update", Map.of("authorized", "false"));

    assertThat(deliver(deauthorized).status()).isEqualTo(200);
    Connection revoked = bed.reread(strava);
    assertThat(deliver(deauthorized).status()).isEqualTo(200);

    assertThat(revoked.status()).isEqualTo(ConnectionStatus.REVOKED);
    assertThat(bed.reread(strava)).isEqualTo(revoked);
    assertThat(bed.jobsOf("u1")).isEmpty();
  }

  @Test
  void other_athlete_updates_change_nothing() throws IOException {
    WebhookReply reply = deliver(event("athlete", "update", Map.of("title", "Messy")));

    assertThat(reply.status()).isEqualTo(200);
    bed.assertNothingChanged(strava);
  }

  @Test
  void an_event_for_an_unknown_athlete_is_answered_200_and_changes_nothing() throws IOException {
    ObjectNode e = (ObjectNode) MAPPER.readTree(ProviderFixtures.bytes(EVENT));
    e.put("owner_id", 424242);

    WebhookReply reply = deliver(MAPPER.writeValueAsBytes(e));

    assertThat(reply.status()).isEqualTo(200);
    bed.assertNothingChanged(strava);
  }

  @Test
  void a_revoked_connection_gets_no_sync() throws IOException {
    deliver(event("athlete", "update", Map.of("authorized", "false")));
    Connection revoked = bed.reread(strava);

    deliver(ProviderFixtures.bytes(EVENT));

    bed.assertNothingChanged(revoked);
  }

  @Test
  void a_body_that_is_no_event_is_answered_400() {
    WebhookReply reply = deliver("{\"hello\":1}".getBytes(StandardCharsets.UTF_8));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).contains("malformed_event");
    bed.assertNothingChanged(strava);
  }

  @Test
  void without_settings_both_validation_and_events_are_not_configured() {
    StravaWebhookReceiver unconfigured =
        new StravaWebhookReceiver(
            StravaWebhookSettings.of(Optional.empty(), Optional.empty()),
            bed.connections,
            bed.syncs);

    assertThat(unconfigured.handle(WebhookBed.get(DOCUMENTED_VALIDATION)).status()).isEqualTo(404);
    assertThat(unconfigured.handle(WebhookBed.post(Map.of(), ProviderFixtures.bytes(EVENT))).code())
        .contains("webhooks_not_configured");
    assertThat(unconfigured.provider()).isEqualTo("strava");
  }
}
