package com.syncwell.connector.strava;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RateLimited;
import com.syncwell.connector.RateWindow;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.TimeWindow;
import com.syncwell.connector.http.ProviderHttp;
import com.syncwell.connector.http.RateBudget;
import com.syncwell.domain.DataType;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StravaRateLimitsTest {
  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2024-03-01T00:00:00Z"), StravaTestbed.NOW);

  private final StravaTestbed bed = new StravaTestbed();

  @AfterEach
  void stop() {
    bed.close();
  }

  @Test
  void the_101st_read_in_a_quarter_hour_is_refused_before_it_is_sent() {
    bed.server.stubFor(get(urlPathEqualTo("/api/v3/athlete/activities")).willReturn(okJson("[]")));
    RecordReader reader = bed.connector.reader(DataType.WORKOUT).orElseThrow();
    ProviderSession session = bed.session(StravaTestbed.OLD_TOKEN);
    for (int i = 0; i < 100; i++) {
      reader.listChanges(session, Optional.empty(), WINDOW);
    }

    assertThatThrownBy(() -> reader.listChanges(session, Optional.empty(), WINDOW))
        .isInstanceOfSatisfying(
            RateLimited.class,
            e -> assertThat(e.retryAt()).isEqualTo(Instant.parse("2024-03-10T12:15:00Z")));
    bed.server.verify(100, getRequestedFor(urlPathEqualTo("/api/v3/athlete/activities")));
  }

  @Test
  void the_201st_call_in_a_quarter_hour_is_refused_before_it_is_sent() {
    bed.server.stubFor(post("/api/v3/uploads").willReturn(ok("{}")));
    RateBudget budget = new RateBudget("strava", StravaRateLimits.WINDOWS, bed.clock);
    ProviderHttp http =
        new ProviderHttp(
            "strava",
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            new StravaActionTable(),
            budget,
            new StravaRateLimits(budget),
            bed.clock,
            Duration.ofSeconds(5),
            StravaRateLimits::applies);
    ProviderSession session = bed.session(StravaTestbed.OLD_TOKEN);
    HttpRequest.Builder upload =
        HttpRequest.newBuilder(bed.settings.api("/uploads"))
            .POST(HttpRequest.BodyPublishers.ofString("x"));
    for (int i = 0; i < 200; i++) {
      http.send(session, "app", upload);
    }

    assertThatThrownBy(() -> http.send(session, "app", upload)).isInstanceOf(RateLimited.class);
    bed.server.verify(200, postRequestedFor(urlPathEqualTo("/api/v3/uploads")));
    assertThat(budget.remaining("app"))
        .containsEntry(StravaRateLimits.OVERALL_15_MIN, 0L)
        .containsEntry(StravaRateLimits.READ_15_MIN, 100L)
        .containsEntry(StravaRateLimits.OVERALL_DAILY, 1_800L);
  }

  @Test
  void usage_headers_lower_the_budget() {
    bed.server.stubFor(
        get(urlPathEqualTo("/api/v3/athlete/activities"))
            .willReturn(
                okJson("[]")
                    .withHeader("X-RateLimit-Limit", "200,2000")
                    .withHeader("X-RateLimit-Usage", "150,1900")
                    .withHeader("X-ReadRateLimit-Limit", "100,1000")
                    .withHeader("X-ReadRateLimit-Usage", "90,950")));

    bed.connector
        .reader(DataType.WORKOUT)
        .orElseThrow()
        .listChanges(bed.session(StravaTestbed.OLD_TOKEN), Optional.empty(), WINDOW);

    assertThat(bed.connector.budget().remaining("connection-1"))
        .isEqualTo(
            Map.of(
                StravaRateLimits.OVERALL_15_MIN, 50L,
                StravaRateLimits.OVERALL_DAILY, 100L,
                StravaRateLimits.READ_15_MIN, 10L,
                StravaRateLimits.READ_DAILY, 50L));
  }

  @Test
  void the_documented_and_recorded_headers_are_read_and_a_higher_tier_keeps_our_capacity() {
    String text = StravaTestbed.fixture("rate-limit-headers.txt");
    Matcher limit = Pattern.compile("X-Ratelimit-Limit: (\\d+,\\d+)").matcher(text);
    Matcher usage = Pattern.compile("X-Ratelimit-Usage: (\\d+,\\d+)").matcher(text);
    assertThat(limit.find() && usage.find()).isTrue();
    HttpHeaders ok =
        HttpHeaders.of(
            Map.of(
                "X-Ratelimit-Limit", List.of(limit.group(1)),
                "X-Ratelimit-Usage", List.of(usage.group(1))),
            (a, b) -> true);
    RateBudget budget = new RateBudget("strava", StravaRateLimits.WINDOWS, bed.clock);

    new StravaRateLimits(budget).accept("app", ok);

    // 600,30000 allowed and 314,27536 used: more left at Strava than our default capacity
    assertThat(budget.remaining("app"))
        .containsEntry(StravaRateLimits.OVERALL_15_MIN, 200L)
        .containsEntry(StravaRateLimits.OVERALL_DAILY, 2_000L);

    assertThat(limit.find() && usage.find()).isTrue();
    HttpHeaders limited =
        HttpHeaders.of(
            Map.of(
                "X-Ratelimit-Limit", List.of(limit.group(1)),
                "X-Ratelimit-Usage", List.of(usage.group(1))),
            (a, b) -> true);
    assertThat(StravaRateLimits.resetAfterLimit(limited, StravaTestbed.NOW))
        .as("692 of 600 in 15 minutes, 29300 of 30000 today: the quarter hour")
        .isEqualTo(Instant.parse("2024-03-10T12:15:00Z"));
  }

  @Test
  void the_read_windows_take_every_request_but_posts() {
    RateWindow read = StravaRateLimits.WINDOWS.get(2);
    RateWindow overall = StravaRateLimits.WINDOWS.get(0);
    HttpRequest get = HttpRequest.newBuilder(bed.settings.api("/uploads/1")).GET().build();
    HttpRequest upload =
        HttpRequest.newBuilder(bed.settings.api("/uploads"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();

    assertThat(StravaRateLimits.applies(get, read)).isTrue();
    assertThat(StravaRateLimits.applies(upload, read)).isFalse();
    assertThat(StravaRateLimits.applies(upload, overall)).isTrue();
  }
}
