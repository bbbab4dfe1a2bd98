package com.syncwell.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthTest {
  private ProviderSimulator sim;
  private SimHttp http;

  @BeforeEach
  void start() {
    sim =
        ProviderSimulator.start(
            SimulatorOptions.defaults()
                .withClock(Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC)));
    http = new SimHttp(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void strava_authorize_redirects_with_code_state_and_scope_and_the_token_lists_activities()
      throws Exception {
    HttpResponse<String> redirect =
        http.get(
            "/strava/oauth/authorize?client_id=54321&redirect_uri=http%3A%2F%2Flocalhost%3A9%2Fcb&response_type=code&scope=activity:read_all&state=xyz&sim_user=alice",
            null);
    assertThat(redirect.statusCode()).isEqualTo(302);
    Map<String, String> q = SimHttp.query(redirect.headers().firstValue("Location").orElseThrow());
    assertThat(q).containsKeys("code", "scope").containsEntry("state", "xyz");
    JsonNode tokens = http.stravaTokens("alice");
    assertThat(tokens.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(tokens.path("expires_in").asLong()).isEqualTo(21600);
    assertThat(tokens.path("athlete").path("id").asLong()).isPositive();
    HttpResponse<String> list =
        http.get(
            "/strava/api/v3/athlete/activities?per_page=5", tokens.path("access_token").asText());
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(SimHttp.parse(list)).hasSize(5);
  }

  @Test
  void google_pkce_dance_gives_tokens_like_the_documented_response_and_reads_data_points()
      throws Exception {
    JsonNode tokens = http.googleTokens("bob");
    assertThat(tokens.path("expires_in").asInt()).isEqualTo(3599);
    assertThat(tokens.has("refresh_token")).isTrue();
    assertThat(tokens.path("token_type").asText()).isEqualTo("Bearer");
    String access = tokens.path("access_token").asText();
    JsonNode identity = SimHttp.parse(http.get("/fitbit/v4/users/me/identity", access));
    assertThat(identity.path("name").asText())
        .isEqualTo("users/" + identity.path("healthUserId").asText() + "/identity");
    HttpResponse<String> points =
        http.get("/fitbit/v4/users/me/dataTypes/exercise/dataPoints", access);
    assertThat(points.statusCode()).isEqualTo(200);
    assertThat(SimHttp.parse(points).path("dataPoints").size()).isBetween(1, 25);
  }

  @Test
  void a_wrong_pkce_verifier_is_invalid_grant() throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("client_id", sim.options().fitbitClient().clientId());
    params.put("redirect_uri", "http://localhost:9/cb");
    params.put("response_type", "code");
    params.put(
        "code_challenge", SimHttp.challenge("the-right-verifier-0123456789012345678901234567"));
    params.put("code_challenge_method", "S256");
    params.put("access_type", "offline");
    HttpResponse<String> redirect =
        http.get("/fitbit/o/oauth2/v2/auth?" + SimHttp.encode(params), null);
    String code =
        SimHttp.query(redirect.headers().firstValue("Location").orElseThrow()).get("code");
    HttpResponse<String> token =
        http.form(
            "/fitbit/oauth2/token",
            Map.of(
                "client_id",
                sim.options().fitbitClient().clientId(),
                "client_secret",
                sim.options().fitbitClient().clientSecret(),
                "code",
                code,
                "grant_type",
                "authorization_code",
                "redirect_uri",
                "http://localhost:9/cb",
                "code_verifier",
                "a-wrong-verifier-0123456789012345678901234567"));
    assertThat(token.statusCode()).isEqualTo(400);
    assertThat(SimHttp.parse(token).path("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void a_wrong_client_secret_is_refused_by_both_token_endpoints() throws Exception {
    HttpResponse<String> google =
        http.form(
            "/fitbit/oauth2/token",
            Map.of(
                "client_id",
                sim.options().fitbitClient().clientId(),
                "client_secret",
                "nope",
                "grant_type",
                "refresh_token",
                "refresh_token",
                "x"));
    assertThat(google.statusCode()).isEqualTo(401);
    assertThat(SimHttp.parse(google).path("error").asText()).isEqualTo("invalid_client");
    HttpResponse<String> strava =
        http.form(
            "/strava/oauth/token",
            Map.of(
                "client_id",
                "54321",
                "client_secret",
                "nope",
                "grant_type",
                "refresh_token",
                "refresh_token",
                "x"));
    assertThat(strava.statusCode()).isEqualTo(401);
    assertThat(SimHttp.parse(strava).path("message").asText()).isEqualTo("Bad Request");
  }

  @Test
  void strava_refresh_rotates_the_refresh_token_and_the_old_one_stops_working() throws Exception {
    JsonNode tokens = http.stravaTokens("carol");
    String first = tokens.path("refresh_token").asText();
    Map<String, String> form =
        new LinkedHashMap<>(
            Map.of(
                "client_id",
                "54321",
                "client_secret",
                sim.options().stravaClient().clientSecret(),
                "grant_type",
                "refresh_token",
                "refresh_token",
                first));
    JsonNode refreshed = SimHttp.parse(http.form("/strava/oauth/token", form));
    assertThat(refreshed.path("refresh_token").asText()).isNotEqualTo(first).isNotEmpty();
    assertThat(refreshed.has("athlete")).isFalse();
    assertThat(http.form("/strava/oauth/token", form).statusCode()).isEqualTo(400);
  }

  @Test
  void after_revoke_the_access_token_is_401_and_the_refresh_token_invalid_grant() throws Exception {
    JsonNode tokens = http.googleTokens("dave");
    String access = tokens.path("access_token").asText();
    assertThat(http.form("/fitbit/oauth2/revoke", Map.of("token", access)).statusCode())
        .isEqualTo(200);
    HttpResponse<String> read = http.get("/fitbit/v4/users/me/identity", access);
    assertThat(read.statusCode()).isEqualTo(401);
    assertThat(SimHttp.parse(read).path("error").path("status").asText())
        .isEqualTo("UNAUTHENTICATED");
    HttpResponse<String> refresh =
        http.form(
            "/fitbit/oauth2/token",
            Map.of(
                "client_id",
                sim.options().fitbitClient().clientId(),
                "client_secret",
                sim.options().fitbitClient().clientSecret(),
                "grant_type",
                "refresh_token",
                "refresh_token",
                tokens.path("refresh_token").asText()));
    assertThat(refresh.statusCode()).isEqualTo(400);
    assertThat(refresh.body())
        .isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}");
  }

  @Test
  void strava_deauthorize_invalidates_the_grant() throws Exception {
    JsonNode tokens = http.stravaTokens("erin");
    String access = tokens.path("access_token").asText();
    assertThat(http.form("/strava/oauth/deauthorize", Map.of("access_token", access)).statusCode())
        .isEqualTo(200);
    HttpResponse<String> read = http.get("/strava/api/v3/athlete", access);
    assertThat(read.statusCode()).isEqualTo(401);
    assertThat(read.body()).contains("\"Authorization Error\"").contains("access_token");
  }
}
