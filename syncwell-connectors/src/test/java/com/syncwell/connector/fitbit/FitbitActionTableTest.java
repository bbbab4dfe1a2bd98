package com.syncwell.connector.fitbit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.syncwell.connector.AuthorizationRevoked;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RateLimited;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.RefreshingCredentials;
import com.syncwell.connector.TimeWindow;
import com.syncwell.connector.TokenSet;
import com.syncwell.connector.Transient;
import com.syncwell.domain.DataType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Every row of the action table, through a real listing (weight: the cheapest call). */
class FitbitActionTableTest extends FitbitWireMockTest {
  static final String WEIGHTS = "/v4/users/me/dataTypes/weight/dataPoints";
  static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"));
  final List<TokenSet> persisted = new CopyOnWriteArrayList<>();

  RecordReader weights() {
    return connector.reader(DataType.WEIGHT).orElseThrow();
  }

  ProviderSession refreshing() {
    TokenSet tokens =
        new TokenSet(
            "old-access",
            Optional.of("refresh-1"),
            NOW.plusSeconds(3000),
            Set.of("scope-a"),
            Optional.of(USER));
    return new ProviderSession(
        "conn-1",
        new RefreshingCredentials(tokens, connector.oauth(), persisted::add, CLOCK),
        meter);
  }

  void apiAnswers(String token, int status, String body) {
    wm.stubFor(
        get(urlPathEqualTo(WEIGHTS))
            .withHeader("Authorization", equalTo("Bearer " + token))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  void tokenEndpointAnswers(int status, String body) {
    wm.stubFor(
        post(urlPathEqualTo("/token"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  static final String UNAUTHENTICATED =
      "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\",\"status\":\"UNAUTHENTICATED\"}}";

  @Test
  void a_401_renews_the_token_once_and_repeats_the_request() {
    apiAnswers("old-access", 401, UNAUTHENTICATED);
    apiAnswers("new-access", 200, "{}");
    tokenEndpointAnswers(
        200, "{\"access_token\":\"new-access\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");

    var page = weights().listChanges(refreshing(), Optional.empty(), WINDOW);

    assertThat(page.records()).isEmpty();
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo("/token"))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing(
                    "grant_type=refresh_token")));
    assertThat(persisted).hasSize(1);
    assertThat(persisted.get(0).refreshToken()).contains("refresh-1"); // none came back: kept
    assertThat(persisted.get(0).providerUserId()).contains(USER);
  }

  @Test
  void a_401_after_a_renewed_token_is_authorization_revoked() {
    apiAnswers("old-access", 401, UNAUTHENTICATED);
    apiAnswers("new-access", 401, UNAUTHENTICATED);
    tokenEndpointAnswers(200, "{\"access_token\":\"new-access\",\"expires_in\":3599}");

    assertThatThrownBy(() -> weights().listChanges(refreshing(), Optional.empty(), WINDOW))
        .isInstanceOf(AuthorizationRevoked.class);
    wm.verify(1, postRequestedFor(urlPathEqualTo("/token")));
  }

  @Test
  void invalid_grant_on_refresh_is_authorization_revoked() {
    apiAnswers("old-access", 401, UNAUTHENTICATED);
    tokenEndpointAnswers(
        400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}");

    assertThatThrownBy(() -> weights().listChanges(refreshing(), Optional.empty(), WINDOW))
        .isInstanceOf(AuthorizationRevoked.class);
  }

  @Test
  void two_threads_hit_by_401_at_once_share_one_refresh_and_both_succeed() throws Exception {
    apiAnswers("old-access", 401, UNAUTHENTICATED);
    apiAnswers("new-access", 200, "{}");
    tokenEndpointAnswers(200, "{\"access_token\":\"new-access\",\"expires_in\":3599}");
    ProviderSession shared = refreshing();
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> results =
          pool.invokeAll(
              List.of(
                  () -> {
                    together.await();
                    return weights().listChanges(shared, Optional.empty(), WINDOW).records().size();
                  },
                  () -> {
                    together.await();
                    return weights().listChanges(shared, Optional.empty(), WINDOW).records().size();
                  }));
      for (Future<Integer> r : results) {
        assertThat(r.get()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    wm.verify(1, postRequestedFor(urlPathEqualTo("/token")));
    wm.verify(
        2,
        getRequestedFor(urlPathEqualTo(WEIGHTS))
            .withHeader("Authorization", equalTo("Bearer new-access")));
  }

  @Test
  void a_429_is_rate_limited_until_the_next_minute_or_the_retry_after() {
    String exhausted =
        "{\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\"}}";
    apiAnswers("access-1", 429, exhausted);

    assertThatThrownBy(() -> weights().listChanges(session(), Optional.empty(), WINDOW))
        .isInstanceOfSatisfying(
            RateLimited.class,
            e -> assertThat(e.retryAt()).isEqualTo(Instant.parse("2026-03-01T12:01:00Z")));
    assertThat(meter.throttled()).isEqualTo(1);

    wm.stubFor(
        get(urlPathEqualTo(WEIGHTS))
            .willReturn(
                aResponse().withStatus(429).withHeader("Retry-After", "120").withBody(exhausted)));
    assertThatThrownBy(() -> weights().listChanges(session(), Optional.empty(), WINDOW))
        .isInstanceOfSatisfying(
            RateLimited.class, e -> assertThat(e.retryAt()).isEqualTo(NOW.plusSeconds(120)));
  }

  @Test
  void unavailable_deadline_exceeded_and_io_faults_are_transient() {
    apiAnswers("access-1", 503, "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\"}}");
    assertThatThrownBy(() -> weights().listChanges(session(), Optional.empty(), WINDOW))
        .isInstanceOf(Transient.class)
        .hasMessageContaining("UNAVAILABLE");

    apiAnswers("access-1", 504, "{\"error\":{\"code\":504,\"status\":\"DEADLINE_EXCEEDED\"}}");
    assertThatThrownBy(() -> weights().listChanges(session(), Optional.empty(), WINDOW))
        .isInstanceOf(Transient.class);

    wm.stubFor(
        get(urlPathEqualTo(WEIGHTS))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> weights().listChanges(session(), Optional.empty(), WINDOW))
        .isInstanceOf(Transient.class);
  }

  @Test
  void filter_errors_permission_denied_html_404_and_malformed_json_are_permanent() {
    apiAnswers(
        "access-1",
        400,
        "{\"error\":{\"code\":400,\"message\":\"Invalid filter\",\"status\":\"INVALID_ARGUMENT\","
            + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\","
            + "\"reason\":\"INVALID_DATA_POINT_FILTER\",\"domain\":\"health.googleapis.com\"}]}}");
    assertThatThrownBy(() -> weights().listChanges(session(), Optional.empty(), WINDOW))
        .isInstanceOf(Permanent.class)
        .hasMessageContaining("INVALID_ARGUMENT (INVALID_DATA_POINT_FILTER)");

    apiAnswers(
        "access-1",
        403,
        "{\"error\":{\"code\":403,\"message\":\"The caller does not have permission\",\"status\":\"PERMISSION_DENIED\"}}");
    assertThatThrownBy(() -> weights().listChanges(session(), Optional.empty(), WINDOW))
        .isInstanceOf(Permanent.class)
        .hasMessageContaining("PERMISSION_DENIED");

    wm.stubFor(
        get(urlPathEqualTo(WEIGHTS))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<!DOCTYPE html><html>404</html>")));
    assertThatThrownBy(() -> weights().listChanges(session(), Optional.empty(), WINDOW))
        .isInstanceOf(Permanent.class)
        .hasMessageContaining("HTTP 404");

    apiAnswers("access-1", 200, "{\"dataPoints\": [{");
    assertThatThrownBy(() -> weights().listChanges(session(), Optional.empty(), WINDOW))
        .isInstanceOf(Permanent.class);
  }

  @Test
  void the_per_user_budget_refuses_the_301st_call_of_a_minute_before_it_is_sent() {
    apiAnswers("access-1", 200, "{}");
    for (int i = 0; i < 300; i++) {
      weights().listChanges(session(), Optional.empty(), WINDOW);
    }

    assertThatThrownBy(() -> weights().listChanges(session(), Optional.empty(), WINDOW))
        .isInstanceOfSatisfying(
            RateLimited.class,
            e -> assertThat(e.retryAt()).isEqualTo(Instant.parse("2026-03-01T12:01:00Z")));
    wm.verify(300, getRequestedFor(urlPathEqualTo(WEIGHTS)));

    weights().listChanges(session("access-1", "another-user"), Optional.empty(), WINDOW);
    wm.verify(301, getRequestedFor(urlPathEqualTo(WEIGHTS)));
  }
}
