package com.syncwell.connector.fitbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitbitWebhookTest {

  static String fixture(String name) {
    return FitbitWireMockTest.fixture(name);
  }

  static byte[] bytes(String name) {
    return fixture(name).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void the_notification_fixture_parses_and_its_broken_physical_start_is_left_out() {
    byte[] body = bytes("webhook-notification.docs-example.json");
    assertThat(GoogleHealthNotification.isVerification(body)).isFalse();

    GoogleHealthNotification n = GoogleHealthNotification.parse(body);

    assertThat(n.version()).isEqualTo("1");
    assertThat(n.subscriptionName()).isEqualTo("subscription-name");
    assertThat(n.healthUserId()).isEqualTo("health-user-id");
    assertThat(n.operation()).isEqualTo(GoogleHealthNotification.Operation.UPSERT);
    assertThat(n.dataType()).isEqualTo("steps");
    assertThat(n.intervals())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.start()).isEmpty(); // "2026-03-0B01:29:00Z" in Google's example
              assertThat(i.end()).contains(Instant.parse("2026-03-08T01:34:00Z"));
              assertThat(i.civilStart()).contains(LocalDateTime.parse("2026-03-07T17:29:00"));
              assertThat(i.civilEnd()).contains(LocalDateTime.parse("2026-03-07T17:34:00"));
            });
  }

  @Test
  void the_verification_body_is_recognised_and_is_no_notification() {
    byte[] body = bytes("webhook-verification-body.docs-example.json");
    assertThat(GoogleHealthNotification.isVerification(body)).isTrue();
    assertThatThrownBy(() -> GoogleHealthNotification.parse(body))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(GoogleHealthNotification.isVerification("not json".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
  }

  @Test
  void the_subscriber_create_request_has_the_fixture_shape() {
    GoogleHealthSubscriber subscriber =
        new GoogleHealthSubscriber(
            java.util.Optional.empty(),
            URI.create("https://myapp.com/webhooks/health"),
            List.of(
                new GoogleHealthSubscriber.Config(
                    List.of("steps", "altitude", "distance", "floors", "weight"),
                    GoogleHealthSubscriber.Policy.AUTOMATIC),
                new GoogleHealthSubscriber.Config(
                    List.of("sleep"), GoogleHealthSubscriber.Policy.MANUAL)),
            false);

    assertThat(FitbitWireMockTest.json(subscriber.createRequest("Bearer example-secret-token")))
        .isEqualTo(FitbitWireMockTest.json(fixture("subscriber-create-request.docs-example.json")));
    assertThat(
            FitbitWireMockTest.json(
                GoogleHealthSubscriber.patchEndpointRequest(
                    URI.create("https://myapp.com/new-webhooks/health"))))
        .isEqualTo(FitbitWireMockTest.json(fixture("subscriber-patch-request.docs-example.json")));
  }

  @Test
  void subscriber_answers_parse_with_either_secret_flag() {
    GoogleHealthSubscriber created =
        GoogleHealthSubscriber.parse(fixture("subscriber-create-response.docs-example.json"));
    GoogleHealthSubscriber patched =
        GoogleHealthSubscriber.parse(fixture("subscriber-patch-response.docs-example.json"));
    List<GoogleHealthSubscriber> listed =
        GoogleHealthSubscriber.parseList(fixture("subscribers-list-response.docs-example.json"));

    assertThat(created.name()).contains("projects/project-id/subscribers/subscriber-id");
    assertThat(created.configs()).hasSize(2);
    assertThat(created.configs().get(1).dataTypes()).containsExactly("sleep");
    assertThat(created.secretSet()).isFalse();
    assertThat(patched.endpointUri())
        .isEqualTo(URI.create("https://myapp.com/new-webhooks/health"));
    assertThat(listed).singleElement().satisfies(s -> assertThat(s.secretSet()).isTrue());
  }
}
