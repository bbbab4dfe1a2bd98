package com.syncwell.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.syncwell.connector.AuthorizationRevoked;
import com.syncwell.connector.Credentials;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RateLimited;
import com.syncwell.connector.RateWindow;
import com.syncwell.connector.Transient;
import com.syncwell.testkit.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderHttpTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private final MutableClock clock = new MutableClock(NOW);
  private final CallMeter meter = new CallMeter();
  private final RenewingCredentials credentials = new RenewingCredentials();
  private WireMockServer server;
  private ProviderHttp http;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    http = provider(RateBudget.unlimited("test", clock));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private ProviderHttp provider(RateBudget budget) {
    return new ProviderHttp(
        "test",
        HttpClient.newHttpClient(),
        ActionTable.standard(60),
        budget,
        (key, headers) -> {},
        clock,
        Duration.ofSeconds(10));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET();
  }

  private ProviderSession session() {
    return new ProviderSession("conn-1", credentials, meter);
  }

  @Test
  void a_success_carries_the_bearer_token_and_is_metered() {
    server.stubFor(get("/things").willReturn(okJson("{\"ok\":true}")));

    HttpResult result = http.send(session(), "u", request("/things"));

    assertThat(result.bodyText()).isEqualTo("{\"ok\":true}");
    server.verify(
        getRequestedFor(urlEqualTo("/things")).withHeader("Authorization", equalTo("Bearer t0")));
    assertThat(meter.calls()).isEqualTo(1);
    assertThat(meter.bytes()).isEqualTo(11);
  }

  @Test
  void a_401_renews_the_token_once_and_repeats_the_request() {
    server.stubFor(
        get("/things")
            .inScenario("renew")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(401))
            .willSetStateTo("renewed"));
    server.stubFor(
        get("/things").inScenario("renew").whenScenarioStateIs("renewed").willReturn(okJson("{}")));

    http.send(session(), "u", request("/things"));

    assertThat(credentials.renewals).hasValue(1);
    server.verify(
        getRequestedFor(urlEqualTo("/things")).withHeader("Authorization", equalTo("Bearer t1")));
  }

  @Test
  void a_second_401_after_renewal_means_the_grant_is_revoked() {
    server.stubFor(get("/things").willReturn(aResponse().withStatus(401)));

    assertThatThrownBy(() -> http.send(session(), "u", request("/things")))
        .isInstanceOf(AuthorizationRevoked.class);
    assertThat(credentials.renewals).hasValue(1);
    server.verify(2, getRequestedFor(urlEqualTo("/things")));
  }

  @Test
  void a_429_is_rate_limited_until_the_retry_after_time() {
    server.stubFor(
        get("/things").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

    assertThatThrownBy(() -> http.send(session(), "u", request("/things")))
        .isInstanceOfSatisfying(
            RateLimited.class, e -> assertThat(e.retryAt()).isEqualTo(NOW.plusSeconds(120)));
    assertThat(meter.throttled()).isEqualTo(1);
  }

  @Test
  void server_errors_and_broken_connections_are_transient() {
    server.stubFor(get("/503").willReturn(aResponse().withStatus(503)));
    server.stubFor(get("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> http.send(session(), "u", request("/503")))
        .isInstanceOf(Transient.class);
    assertThatThrownBy(() -> http.send(session(), "u", request("/reset")))
        .isInstanceOf(Transient.class);
  }

  @Test
  void other_client_errors_are_permanent() {
    server.stubFor(get("/gone").willReturn(aResponse().withStatus(404)));

    assertThatThrownBy(() -> http.send(session(), "u", request("/gone")))
        .isInstanceOf(Permanent.class);
  }

  @Test
  void the_budget_refuses_a_call_before_it_reaches_the_provider() {
    ProviderHttp limited =
        provider(
            new RateBudget(
                "test",
                List.of(new RateWindow("minute", Duration.ofMinutes(1), 3, RateWindow.Scope.USER)),
                clock));
    server.stubFor(get("/things").willReturn(okJson("{}")));

    for (int i = 0; i < 3; i++) {
      limited.send(session(), "u", request("/things"));
    }

    assertThatThrownBy(() -> limited.send(session(), "u", request("/things")))
        .isInstanceOf(RateLimited.class);
    server.verify(3, getRequestedFor(urlEqualTo("/things")));
  }

  @Test
  void the_circuit_opens_after_twenty_failures_and_stops_calling_the_provider() {
    server.stubFor(get("/down").willReturn(aResponse().withStatus(500)));
    for (int i = 0; i < 20; i++) {
      assertThatThrownBy(() -> http.send(session(), "u", request("/down")))
          .isInstanceOf(Transient.class);
    }

    assertThatThrownBy(() -> http.send(session(), "u", request("/down")))
        .isInstanceOf(Transient.class)
        .hasMessageContaining("circuit open");
    server.verify(20, getRequestedFor(urlEqualTo("/down")));
  }

  @Test
  void rate_limits_and_permanent_failures_do_not_open_the_circuit() {
    server.stubFor(get("/busy").willReturn(aResponse().withStatus(429)));
    server.stubFor(get("/bad").willReturn(aResponse().withStatus(400)));
    for (int i = 0; i < 15; i++) {
      assertThatThrownBy(() -> http.send(session(), "u", request("/busy")))
          .isInstanceOf(RateLimited.class);
      assertThatThrownBy(() -> http.send(session(), "u", request("/bad")))
          .isInstanceOf(Permanent.class);
    }

    assertThat(http.circuitBreaker().getState().name()).isEqualTo("CLOSED");
  }

  /** Hands out t0, then t1, t2 ... on each renewal. */
  private static final class RenewingCredentials implements Credentials {
    final AtomicInteger renewals = new AtomicInteger();

    @Override
    public String accessToken() {
      return "t" + renewals.get();
    }

    @Override
    public String renewAfter(String rejected) {
      return "t" + renewals.incrementAndGet();
    }
  }
}
