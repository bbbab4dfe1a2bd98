package com.syncwell.connector.strava;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.syncwell.connector.AuthorizationRevoked;
import com.syncwell.connector.ChangePage;
import com.syncwell.connector.IdempotencyKey;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RateLimited;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.RefreshingCredentials;
import com.syncwell.connector.TimeWindow;
import com.syncwell.connector.Transient;
import com.syncwell.domain.DataType;
import com.syncwell.domain.SportType;
import com.syncwell.domain.TrackPoint;
import com.syncwell.domain.Workout;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every row of Strava's action table, through the reader and writer. */
class StravaHttpActionsTest {
  private static final String LIST = "/api/v3/athlete/activities";
  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2024-03-01T00:00:00Z"), StravaTestbed.NOW);

  private final StravaTestbed bed = new StravaTestbed();
  private final RecordReader reader = bed.connector.reader(DataType.WORKOUT).orElseThrow();

  @AfterEach
  void stop() {
    bed.close();
  }

  private void oldTokenRefused() {
    bed.server.stubFor(
        get(urlPathEqualTo(LIST))
            .withHeader("Authorization", equalTo("Bearer " + StravaTestbed.OLD_TOKEN))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"message\":\"Authorization Error\",\"errors\":[{\"resource\":\"Athlete\","
                            + "\"field\":\"access_token\",\"code\":\"invalid\"}]}")));
  }

  private void newTokenAccepted() {
    bed.server.stubFor(
        get(urlPathEqualTo(LIST))
            .withHeader("Authorization", equalTo("Bearer " + StravaTestbed.NEW_TOKEN))
            .willReturn(okJson("[]")));
  }

  private void refreshAnswers() {
    bed.server.stubFor(
        post("/oauth/token")
            .willReturn(okJson(bed.tokenAnswer(StravaTestbed.NEW_TOKEN, "refresh-token-2"))));
  }

  @Test
  void a_401_refreshes_once_persists_the_rotated_tokens_and_the_retry_succeeds() {
    oldTokenRefused();
    newTokenAccepted();
    refreshAnswers();
    RefreshingCredentials credentials = bed.credentials(StravaTestbed.OLD_TOKEN);

    ChangePage page = reader.listChanges(bed.session(credentials), Optional.empty(), WINDOW);

    assertThat(page.records()).isEmpty();
    bed.server.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
    assertThat(bed.persisted).hasSize(1);
    assertThat(bed.persisted.get(0).refreshToken()).contains("refresh-token-2");
    assertThat(credentials.tokens().accessToken()).isEqualTo(StravaTestbed.NEW_TOKEN);
  }

  @Test
  void a_401_after_the_refresh_is_authorization_revoked() {
    oldTokenRefused();
    bed.server.stubFor(
        get(urlPathEqualTo(LIST))
            .withHeader("Authorization", equalTo("Bearer " + StravaTestbed.NEW_TOKEN))
            .willReturn(aResponse().withStatus(401)));
    refreshAnswers();

    assertThatThrownBy(
            () ->
                reader.listChanges(bed.session(StravaTestbed.OLD_TOKEN), Optional.empty(), WINDOW))
        .isInstanceOf(AuthorizationRevoked.class);
    bed.server.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
  }

  @Test
  void a_refresh_with_invalid_grant_is_authorization_revoked() {
    oldTokenRefused();
    bed.server.stubFor(
        post("/oauth/token")
            .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));

    assertThatThrownBy(
            () ->
                reader.listChanges(bed.session(StravaTestbed.OLD_TOKEN), Optional.empty(), WINDOW))
        .isInstanceOf(AuthorizationRevoked.class);
  }

  @Test
  void two_threads_refused_at_once_share_one_refresh_and_both_succeed() throws Exception {
    oldTokenRefused();
    newTokenAccepted();
    refreshAnswers();
    RefreshingCredentials shared = bed.credentials(StravaTestbed.OLD_TOKEN);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<ChangePage>> results =
          List.of(
              pool.submit(
                  () -> {
                    go.await();
                    return reader.listChanges(bed.session(shared), Optional.empty(), WINDOW);
                  }),
              pool.submit(
                  () -> {
                    go.await();
                    return reader.listChanges(bed.session(shared), Optional.empty(), WINDOW);
                  }));
      go.countDown();
      for (Future<ChangePage> result : results) {
        assertThat(result.get().more()).isFalse();
      }
    } finally {
      pool.shutdownNow();
    }
    bed.server.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
  }

  @Test
  void a_401_for_a_missing_write_permission_is_revoked_without_a_refresh() {
    bed.server.stubFor(
        post("/api/v3/uploads")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        StravaTestbed.fixture(
                            "error-401-fault-missing-write-permission.recorded-2014.json"))));
    Workout workout =
        Workout.of(
                SportType.RUNNING,
                OffsetDateTime.parse("2024-03-09T08:00:00+01:00"),
                OffsetDateTime.parse("2024-03-09T08:30:00+01:00"))
            .withSamples(List.of(TrackPoint.at(Instant.parse("2024-03-09T07:00:00Z"))));

    assertThatThrownBy(
            () ->
                bed.connector
                    .writer(DataType.WORKOUT)
                    .orElseThrow()
                    .write(
                        bed.session(StravaTestbed.OLD_TOKEN),
                        workout,
                        new IdempotencyKey("key-00000001")))
        .isInstanceOf(AuthorizationRevoked.class);
    bed.server.verify(0, postRequestedFor(urlEqualTo("/oauth/token")));
  }

  @Test
  void a_429_in_the_quarter_hour_is_rate_limited_until_the_next_quarter_hour() {
    bed.server.stubFor(
        get(urlPathEqualTo(LIST))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("X-RateLimit-Limit", "200,2000")
                    .withHeader("X-RateLimit-Usage", "201,900")
                    .withBody("{\"message\":\"Rate Limit Exceeded\"}")));

    assertThatThrownBy(
            () ->
                reader.listChanges(bed.session(StravaTestbed.OLD_TOKEN), Optional.empty(), WINDOW))
        .isInstanceOfSatisfying(
            RateLimited.class,
            e -> assertThat(e.retryAt()).isEqualTo(Instant.parse("2024-03-10T12:15:00Z")));
  }

  @Test
  void a_429_with_the_daily_read_limit_used_up_waits_until_midnight_utc() {
    bed.server.stubFor(
        get(urlPathEqualTo(LIST))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("X-RateLimit-Limit", "200,2000")
                    .withHeader("X-RateLimit-Usage", "40,1100")
                    .withHeader("X-ReadRateLimit-Limit", "100,1000")
                    .withHeader("X-ReadRateLimit-Usage", "20,1000")));

    assertThatThrownBy(
            () ->
                reader.listChanges(bed.session(StravaTestbed.OLD_TOKEN), Optional.empty(), WINDOW))
        .isInstanceOfSatisfying(
            RateLimited.class,
            e -> assertThat(e.retryAt()).isEqualTo(Instant.parse("2024-03-11T00:00:00Z")));
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void server_errors_are_transient(int status) {
    bed.server.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(status)));

    assertThatThrownBy(
            () ->
                reader.listChanges(bed.session(StravaTestbed.OLD_TOKEN), Optional.empty(), WINDOW))
        .isInstanceOf(Transient.class);
  }

  @Test
  void a_broken_connection_is_transient() {
    bed.server.stubFor(
        get(urlPathEqualTo(LIST))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(
            () ->
                reader.listChanges(bed.session(StravaTestbed.OLD_TOKEN), Optional.empty(), WINDOW))
        .isInstanceOf(Transient.class);
  }

  @Test
  void the_listing_request_is_sent_once_per_page() {
    newTokenAccepted();
    ProviderSession session = bed.session(StravaTestbed.NEW_TOKEN);

    reader.listChanges(session, Optional.empty(), WINDOW);

    bed.server.verify(1, getRequestedFor(urlPathEqualTo(LIST)));
    assertThat(session.meter().calls()).isEqualTo(1);
  }
}
