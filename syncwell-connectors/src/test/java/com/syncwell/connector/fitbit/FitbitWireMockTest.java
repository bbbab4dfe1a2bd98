package com.syncwell.connector.fitbit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.syncwell.connector.AuthorizationRevoked;
import com.syncwell.connector.Credentials;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.http.CallMeter;
import com.syncwell.testkit.ProviderFixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** WireMock in front of a connector with a fixed clock; subclasses stub and assert. */
abstract class FitbitWireMockTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:30Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String CLIENT_ID = "syncwell-test.apps.googleusercontent.com";
  static final String USER = "2515055256096816351";
  static final String EXERCISES = "/v4/users/me/dataTypes/exercise/dataPoints";
  static final ObjectMapper JSON = new ObjectMapper();

  WireMockServer wm;
  GoogleHealthSettings settings;
  FitbitConnector connector;
  CallMeter meter;

  @BeforeEach
  void start_wiremock() {
    wm = new WireMockServer(wireMockConfig().dynamicPort());
    wm.start();
    settings =
        GoogleHealthSettings.of(
            URI.create(wm.baseUrl()),
            URI.create(wm.baseUrl() + "/o/oauth2/v2/auth"),
            URI.create(wm.baseUrl() + "/token"),
            CLIENT_ID,
            "client-secret");
    connector = connectorWith(settings);
    meter = new CallMeter();
  }

  @AfterEach
  void stop_wiremock() {
    wm.stop();
  }

  FitbitConnector connectorWith(GoogleHealthSettings s) {
    return new FitbitConnector(
        s,
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
        CLOCK,
        new FakeTcxCodec());
  }

  ProviderSession session() {
    return session("access-1", USER);
  }

  ProviderSession session(String token, String userId) {
    return new ProviderSession("conn-" + userId, new FixedToken(token, userId), meter);
  }

  static String fixture(String name) {
    return ProviderFixtures.text("google-health/" + name);
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fixture's one exercise point. */
  static JsonNode fixtureExercise() {
    return json(fixture("exercise-list-response.docs-example.json")).path("dataPoints").get(0);
  }

  /** A token that cannot be renewed. */
  record FixedToken(String token, String userId) implements Credentials {
    @Override
    public String accessToken() {
      return token;
    }

    @Override
    public String renewAfter(String rejected) {
      throw new AuthorizationRevoked("test", "fixed token");
    }

    @Override
    public Optional<String> providerUserId() {
      return Optional.of(userId);
    }
  }
}
