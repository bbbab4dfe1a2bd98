package com.syncwell.connector.strava;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.connector.ProviderDescription;
import com.syncwell.connector.RateWindow;
import com.syncwell.domain.DataType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StravaConnectorTest {
  private final StravaTestbed bed = new StravaTestbed();

  @AfterEach
  void stop() {
    bed.close();
  }

  @Test
  void strava_reads_and_writes_workouts_only_pushes_webhooks_and_limits_per_application() {
    ProviderDescription d = bed.connector.describe();

    assertThat(d.id()).isEqualTo("strava");
    assertThat(d.readable()).containsExactly(DataType.WORKOUT);
    assertThat(d.writable()).containsExactly(DataType.WORKOUT);
    assertThat(d.webhooks()).isTrue();
    assertThat(d.scopes()).containsExactly("activity:read_all", "activity:write");
    assertThat(d.rateLimits())
        .containsExactlyInAnyOrder(
            new RateWindow("15min", Duration.ofMinutes(15), 200, RateWindow.Scope.APPLICATION),
            new RateWindow("daily", Duration.ofDays(1), 2_000, RateWindow.Scope.APPLICATION),
            new RateWindow("read-15min", Duration.ofMinutes(15), 100, RateWindow.Scope.APPLICATION),
            new RateWindow("read-daily", Duration.ofDays(1), 1_000, RateWindow.Scope.APPLICATION));
    assertThat(bed.connector.reader(DataType.STEPS)).isEmpty();
    assertThat(bed.connector.writer(DataType.SLEEP_SESSION)).isEmpty();
  }

  @Test
  void a_webhook_event_from_the_docs_parses_with_its_owner_and_subscription() {
    StravaWebhookEvent event =
        StravaWebhookEvent.parse(
                StravaTestbed.fixture("webhook-event-activity-update.docs-example.json")
                    .getBytes(StandardCharsets.UTF_8))
            .orElseThrow();

    assertThat(event)
        .isEqualTo(
            new StravaWebhookEvent(
                "activity",
                "1360128428",
                "update",
                "134815",
                "120475",
                Instant.ofEpochSecond(1516126040)));
    assertThat(event.isActivity()).isTrue();
    assertThat(StravaWebhookEvent.parse("{\"object_type\":\"activity\"}".getBytes())).isEmpty();
    assertThat(StravaWebhookEvent.parse("not json".getBytes())).isEmpty();
  }

  @Test
  void the_subscription_validation_echoes_the_challenge_only_for_our_verify_token() {
    String text = StravaTestbed.fixture("webhook-subscription-validation.txt");
    Matcher m =
        Pattern.compile("hub\\.verify_token=(\\w+)&hub\\.challenge=(\\w+)&hub\\.mode=(\\w+)")
            .matcher(text);
    assertThat(m.find()).isTrue();
    Map<String, String> query =
        Map.of("hub.verify_token", m.group(1), "hub.challenge", m.group(2), "hub.mode", m.group(3));

    assertThat(StravaWebhookEvent.validationAnswer(query, "STRAVA"))
        .map(b -> new String(b, StandardCharsets.UTF_8))
        .contains("{\"hub.challenge\":\"15f7d1a91c1f40f8a748fd134752feb3\"}");
    assertThat(StravaWebhookEvent.validationAnswer(query, "another-token")).isEmpty();
  }
}
