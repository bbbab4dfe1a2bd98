package com.syncwell.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.domain.DataType;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionStatus;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.testkit.ProviderFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitbitWebhookReceiverTest {
  private static final String SECRET = "Bearer example-secret-token";
  private static final String HEALTH_USER = "health-user-id";

  @TempDir Path dir;
  private WebhookBed bed;
  private KeysetServer keysetHost;
  private final SigningKeys google = new SigningKeys();
  private FitbitWebhookReceiver receiver;
  private Connection fitbit;

  @BeforeEach
  void open() {
    bed = new WebhookBed(dir);
    keysetHost = new KeysetServer();
    keysetHost.serve(google.publicKeysetJson());
    receiver =
        new FitbitWebhookReceiver(
            FitbitWebhookSettings.of(Optional.of(SECRET), Optional.of(keysetHost.url())),
            bed.connections,
            bed.syncs,
            bed.clock);
    fitbit = bed.connect("u1", "fitbit", HEALTH_USER);
  }

  @AfterEach
  void close() {
    keysetHost.close();
    bed.close();
  }

  private WebhookReply deliver(byte[] body) {
    return receiver.handle(
        WebhookBed.post(
            Map.of("Authorization", SECRET, "GOOGLE-HEALTH-API-SIGNATURE", google.sign(body)),
            body));
  }

  private WebhookReply deliver(Map<String, String> headers, byte[] body) {
    return receiver.handle(WebhookBed.post(headers, body));
  }

  @Test
  void verification_with_the_subscriber_secret_is_answered_201_and_changes_nothing() {
    byte[] body = ProviderFixtures.bytes(GoogleNotifications.VERIFICATION);

    WebhookReply reply = deliver(Map.of("Authorization", SECRET), body);

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.code()).isEmpty();
    bed.assertNothingChanged(fitbit);
    assertThat(keysetHost.fetches()).isZero();
  }

  @Test
  void verification_without_or_with_a_wrong_secret_is_answered_401() {
    byte[] body = ProviderFixtures.bytes(GoogleNotifications.VERIFICATION);

    WebhookReply without = deliver(Map.of(), body);
    WebhookReply wrong = deliver(Map.of("Authorization", "Bearer guessed"), body);

    assertThat(without.status()).isEqualTo(401);
    assertThat(without.code()).contains("invalid_secret");
    assertThat(wrong.status()).isEqualTo(401);
    bed.assertNothingChanged(fitbit);
  }

  @Test
  void the_documented_steps_notification_signed_by_google_enqueues_one_steps_sync() {
    bed.sync(fitbit, DataType.STEPS);
    bed.sync(fitbit, DataType.WEIGHT);

    WebhookReply reply = deliver(GoogleNotifications.documented());

    assertThat(reply.status()).isEqualTo(204);
    assertThat(bed.jobsOf("u1"))
        .singleElement()
        .satisfies(job -> assertThat(job.trigger()).isEqualTo(JobTrigger.WEBHOOK));
    assertThat(bed.queued()).isEqualTo(1);
    assertThat(bed.reread(fitbit).status()).isEqualTo(ConnectionStatus.ACTIVE);
    assertThat(keysetHost.fetches()).isEqualTo(1);
  }

  @Test
  void the_older_signature_header_name_is_accepted_too() {
    bed.sync(fitbit, DataType.STEPS);
    byte[] body = GoogleNotifications.documented();

    WebhookReply reply =
        deliver(Map.of("Authorization", SECRET, "X-HEALTHAPI-SIGNATURE", google.sign(body)), body);

    assertThat(reply.status()).isEqualTo(204);
    assertThat(bed.jobsOf("u1")).hasSize(1);
  }

  @Test
  void an_unsigned_notification_changes_nothing() {
    bed.sync(fitbit, DataType.STEPS);

    WebhookReply reply = deliver(Map.of("Authorization", SECRET), GoogleNotifications.documented());

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.code()).contains("missing_signature");
    bed.assertNothingChanged(fitbit);
  }

  @Test
  void a_signature_by_a_key_google_does_not_publish_changes_nothing() {
    bed.sync(fitbit, DataType.STEPS);
    SigningKeys forger = new SigningKeys();
    byte[] body = GoogleNotifications.documented();

    WebhookReply reply =
        deliver(
            Map.of("Authorization", SECRET, "GOOGLE-HEALTH-API-SIGNATURE", forger.sign(body)),
            body);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.code()).contains("invalid_signature");
    bed.assertNothingChanged(fitbit);
  }

  @Test
  void a_tampered_signature_under_googles_key_id_changes_nothing() {
    bed.sync(fitbit, DataType.STEPS);
    byte[] body = GoogleNotifications.documented();
    byte[] signature = Base64.getDecoder().decode(google.sign(body));
    signature[signature.length - 1] ^= 0x01;

    WebhookReply reply =
        deliver(
            Map.of(
                "Authorization",
                SECRET,
                "GOOGLE-HEALTH-API-SIGNATURE",
                Base64.getEncoder().encodeToString(signature)),
            body);

    assertThat(reply.status()).isEqualTo(401);
    bed.assertNothingChanged(fitbit);
  }

  @Test
  void a_valid_signature_replayed_with_another_body_changes_nothing() {
    bed.sync(fitbit, DataType.STEPS);
    bed.sync(fitbit, DataType.WORKOUT);
    String signatureOfSteps = google.sign(GoogleNotifications.documented());
    byte[] exercise = GoogleNotifications.change(HEALTH_USER, "UPSERT", "exercise");

    WebhookReply reply =
        deliver(
            Map.of("Authorization", SECRET, "GOOGLE-HEALTH-API-SIGNATURE", signatureOfSteps),
            exercise);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.code()).contains("invalid_signature");
    bed.assertNothingChanged(fitbit);
  }

  @Test
  void a_wrong_secret_changes_nothing_even_with_a_valid_signature_and_fetches_no_keys() {
    bed.sync(fitbit, DataType.STEPS);
    byte[] body = GoogleNotifications.documented();

    WebhookReply reply =
        deliver(
            Map.of(
                "Authorization",
                "Bearer guessed",
                "GOOGLE-HEALTH-API-SIGNATURE",
                google.sign(body)),
            body);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.code()).contains("invalid_secret");
    bed.assertNothingChanged(fitbit);
    assertThat(keysetHost.fetches()).isZero();
  }

  @Test
  void a_notification_for_an_unknown_account_is_answered_204_and_changes_nothing() {
    bed.sync(fitbit, DataType.STEPS);

    WebhookReply reply = deliver(GoogleNotifications.change("someone-else", "UPSERT", "steps"));

    assertThat(reply.status()).isEqualTo(204);
    bed.assertNothingChanged(fitbit);
  }

  @Test
  void a_new_key_id_after_rotation_is_fetched_once_and_then_verifies() {
    bed.sync(fitbit, DataType.STEPS);
    assertThat(deliver(GoogleNotifications.documented()).status()).isEqualTo(204);
    assertThat(keysetHost.fetches()).isEqualTo(1);

    bed.clock.advance(Duration.ofMinutes(2));
    google.rotate();
    keysetHost.serve(google.publicKeysetJson());
    WebhookReply rotated = deliver(GoogleNotifications.change(HEALTH_USER, "UPSERT", "steps"));
    WebhookReply again = deliver(GoogleNotifications.change(HEALTH_USER, "UPSERT", "steps"));

    assertThat(rotated.status()).isEqualTo(204);
    assertThat(again.status()).isEqualTo(204);
    assertThat(keysetHost.fetches()).isEqualTo(2);
  }

  @Test
  void unknown_key_ids_refetch_the_keyset_at_most_once_a_minute() {
    assertThat(deliver(GoogleNotifications.documented()).status()).isEqualTo(204);
    SigningKeys forger = new SigningKeys();
    byte[] body = GoogleNotifications.documented();
    Map<String, String> forged =
        Map.of("Authorization", SECRET, "GOOGLE-HEALTH-API-SIGNATURE", forger.sign(body));

    for (int i = 0; i < 10; i++) {
      assertThat(deliver(forged, body).status()).isEqualTo(401);
    }
    assertThat(keysetHost.fetches()).isEqualTo(1);

    bed.clock.advance(Duration.ofSeconds(61));
    for (int i = 0; i < 10; i++) {
      assertThat(deliver(forged, body).status()).isEqualTo(401);
    }
    assertThat(keysetHost.fetches()).isEqualTo(2);
  }

  @Test
  void the_last_good_keyset_is_kept_while_the_keyset_host_is_down() {
    bed.sync(fitbit, DataType.STEPS);
    assertThat(deliver(GoogleNotifications.documented()).status()).isEqualTo(204);

    keysetHost.close();
    bed.clock.advance(PublishedKeyset.MAX_AGE.plusMinutes(1));
    WebhookReply reply = deliver(GoogleNotifications.change(HEALTH_USER, "UPSERT", "steps"));

    assertThat(reply.status()).isEqualTo(204);
    assertThat(bed.jobsOf("u1")).hasSize(2);
  }

  @Test
  void without_any_keyset_a_notification_is_answered_503_and_changes_nothing() {
    bed.sync(fitbit, DataType.STEPS);
    keysetHost.close();

    WebhookReply reply = deliver(GoogleNotifications.documented());

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.code()).contains("signature_keys_unavailable");
    bed.assertNothingChanged(fitbit);
  }

  @Test
  void an_oversized_keyset_is_not_taken() {
    bed.sync(fitbit, DataType.STEPS);
    keysetHost.serve(" ".repeat(HttpKeysetSource.MAX_BYTES) + google.publicKeysetJson());

    WebhookReply reply = deliver(GoogleNotifications.documented());

    assertThat(reply.status()).isEqualTo(503);
    bed.assertNothingChanged(fitbit);
  }

  @Test
  void a_burst_of_fifty_notifications_makes_one_job_and_the_next_after_the_window_another() {
    bed.sync(fitbit, DataType.STEPS);

    for (int i = 0; i < 50; i++) {
      WebhookReply reply = deliver(GoogleNotifications.change(HEALTH_USER, "UPSERT", "steps"));
      assertThat(reply.status()).isEqualTo(204);
    }
    assertThat(bed.jobsOf("u1")).hasSize(1);
    assertThat(bed.queued()).isEqualTo(1);

    bed.clock.advance(Duration.ofSeconds(61));
    assertThat(deliver(GoogleNotifications.change(HEALTH_USER, "UPSERT", "steps")).status())
        .isEqualTo(204);

    assertThat(bed.jobsOf("u1")).hasSize(2);
    assertThat(bed.queued()).isEqualTo(2);
  }

  @Test
  void concurrent_first_deliveries_fetch_the_keyset_once_and_make_one_job() throws Exception {
    bed.sync(fitbit, DataType.STEPS);
    int senders = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<WebhookReply>> replies = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
      for (int i = 0; i < senders; i++) {
        byte[] body = GoogleNotifications.change(HEALTH_USER, "UPSERT", "steps");
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return deliver(body);
                }));
      }
      start.countDown();
      for (Future<WebhookReply> reply : replies) {
        assertThat(reply.get(30, TimeUnit.SECONDS).status()).isEqualTo(204);
      }
    }

    assertThat(keysetHost.fetches()).isEqualTo(1);
    assertThat(bed.jobsOf("u1")).hasSize(1);
    assertThat(bed.queued()).isEqualTo(1);
  }

  @Test
  void a_delete_without_intervals_withdraws_access_and_the_connection_needs_reauthorization() {
    bed.sync(fitbit, DataType.STEPS);
    byte[] withdrawal = GoogleNotifications.withdrawal(HEALTH_USER, "steps");

    assertThat(deliver(withdrawal).status()).isEqualTo(204);
    Connection after = bed.reread(fitbit);
    assertThat(deliver(withdrawal).status()).isEqualTo(204);

    assertThat(after.status()).isEqualTo(ConnectionStatus.NEEDS_REAUTH);
    assertThat(bed.reread(fitbit)).isEqualTo(after);
    assertThat(bed.connections.listNeedingReauth("fitbit", 10, Optional.empty()).items())
        .extracting(Connection::connectionId)
        .containsExactly(fitbit.connectionId());
    assertThat(bed.jobsOf("u1")).isEmpty();
  }

  @Test
  void a_delete_of_intervals_requests_a_sync_and_leaves_the_connection_active() {
    bed.sync(fitbit, DataType.WEIGHT);

    WebhookReply reply = deliver(GoogleNotifications.change(HEALTH_USER, "DELETE", "weight"));

    assertThat(reply.status()).isEqualTo(204);
    assertThat(bed.jobsOf("u1")).hasSize(1);
    assertThat(bed.reread(fitbit).status()).isEqualTo(ConnectionStatus.ACTIVE);
  }

  @Test
  void google_data_types_map_to_the_synced_types_and_the_rest_is_ignored() {
    var workouts = bed.sync(fitbit, DataType.WORKOUT);
    var sleep = bed.sync(fitbit, DataType.SLEEP_SESSION);
    var heart = bed.sync(fitbit, DataType.HEART_RATE);

    for (String type : new String[] {"exercise", "sleep", "daily-resting-heart-rate", "floors"}) {
      assertThat(deliver(GoogleNotifications.change(HEALTH_USER, "UPSERT", type)).status())
          .isEqualTo(204);
    }

    assertThat(bed.jobsOf("u1"))
        .extracting(Job::configId)
        .containsExactlyInAnyOrder(workouts.configId(), sleep.configId(), heart.configId());
  }

  @Test
  void a_json_array_of_notifications_is_handled_one_by_one() {
    bed.sync(fitbit, DataType.STEPS);
    bed.sync(fitbit, DataType.WEIGHT);

    WebhookReply reply =
        deliver(
            GoogleNotifications.batch(
                GoogleNotifications.change(HEALTH_USER, "UPSERT", "steps"),
                GoogleNotifications.change(HEALTH_USER, "UPSERT", "steps"),
                GoogleNotifications.change(HEALTH_USER, "UPSERT", "weight")));

    assertThat(reply.status()).isEqualTo(204);
    assertThat(bed.jobsOf("u1")).hasSize(2);
  }

  @Test
  void a_connection_that_needs_reauthorization_gets_no_sync() {
    bed.sync(fitbit, DataType.STEPS);
    bed.connections.markNeedsReauth("u1", fitbit.connectionId(), fitbit.version());
    Connection waiting = bed.reread(fitbit);

    WebhookReply reply = deliver(GoogleNotifications.documented());

    assertThat(reply.status()).isEqualTo(204);
    bed.assertNothingChanged(waiting);
  }

  @Test
  void a_signed_body_that_is_no_notification_is_answered_400() {
    byte[] body = "{\"data\":{\"operation\":\"UPSERT\"}}".getBytes(StandardCharsets.UTF_8);

    WebhookReply reply = deliver(body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).contains("malformed_notification");
    bed.assertNothingChanged(fitbit);
  }

  @Test
  void without_a_subscriber_secret_webhooks_are_not_configured() {
    FitbitWebhookReceiver unconfigured =
        new FitbitWebhookReceiver(
            FitbitWebhookSettings.of(Optional.empty(), Optional.empty()),
            bed.connections,
            bed.syncs,
            bed.clock);

    WebhookReply reply =
        unconfigured.handle(
            WebhookBed.post(
                Map.of("Authorization", SECRET),
                ProviderFixtures.bytes(GoogleNotifications.VERIFICATION)));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.code()).contains("webhooks_not_configured");
    assertThat(unconfigured.provider()).isEqualTo("fitbit");
  }
}
