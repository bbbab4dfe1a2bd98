package com.syncwell.connector.fitbit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.connector.AuthorizationRequest;
import com.syncwell.connector.AuthorizationRevoked;
import com.syncwell.connector.Pkce;
import com.syncwell.connector.TokenSet;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FitbitOAuthTest extends FitbitWireMockTest {
  static final URI REDIRECT = URI.create("https://app.syncwell.example/oauth/fitbit/callback");

  @Test
  void the_authorization_url_asks_for_offline_access_with_pkce_and_every_scope() {
    String verifier = Pkce.newVerifier();
    URI url =
        connector
            .oauth()
            .authorizationUrl(
                new AuthorizationRequest(REDIRECT, "state-123", Pkce.challengeOf(verifier)));

    assertThat(url.getPath()).isEqualTo("/o/oauth2/v2/auth");
    Map<String, String> q = query(url.getRawQuery());
    assertThat(q)
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("redirect_uri", REDIRECT.toString())
        .containsEntry("response_type", "code")
        .containsEntry("access_type", "offline")
        .containsEntry("prompt", "consent")
        .containsEntry("include_granted_scopes", "true")
        .containsEntry("state", "state-123")
        .containsEntry("code_challenge", Pkce.challengeOf(verifier))
        .containsEntry("code_challenge_method", "S256");
    assertThat(q.get("scope").split(" "))
        .containsExactly(
            "https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly",
            "https://www.googleapis.com/auth/googlehealth.activity_and_fitness.writeonly",
            "https://www.googleapis.com/auth/googlehealth.health_metrics_and_measurements.readonly",
            "https://www.googleapis.com/auth/googlehealth.health_metrics_and_measurements.writeonly",
            "https://www.googleapis.com/auth/googlehealth.sleep.readonly",
            "https://www.googleapis.com/auth/googlehealth.location.readonly");
  }

  @Test
  void the_code_exchange_reads_the_token_fixture_and_asks_the_identity_for_the_health_user_id() {
    wm.stubFor(
        post(urlPathEqualTo("/token"))
            .willReturn(okJson(fixture("oauth-token-response.docs-example.json"))));
    wm.stubFor(
        get(urlPathEqualTo("/v4/users/me/identity"))
            .willReturn(
                okJson(
                    "{\"name\":\"users/"
                        + USER
                        + "/identity\",\"legacyUserId\":\"ABC123\",\"healthUserId\":\""
                        + USER
                        + "\"}")));

    TokenSet tokens = connector.oauth().exchangeCode("code-1", "verifier-1", REDIRECT);

    assertThat(tokens.accessToken()).isEqualTo("ya29.a0ATi6K2uasci7FyyIClNLtQou6z...");
    assertThat(tokens.refreshToken()).contains("1//05EuqYpEXjJCHCgYIA...");
    assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(3599));
    assertThat(tokens.scopes())
        .containsExactly("https://www.googleapis.com/auth/googlehealth.activity_and_fitness");
    assertThat(tokens.providerUserId()).contains(USER);
    assertThat(tokens.toString()).doesNotContain("ya29").doesNotContain("1//05");
    wm.verify(
        postRequestedFor(urlPathEqualTo("/token"))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withRequestBody(containing("grant_type=authorization_code"))
            .withRequestBody(containing("code=code-1"))
            .withRequestBody(containing("code_verifier=verifier-1"))
            .withRequestBody(containing("client_id=" + CLIENT_ID))
            .withRequestBody(containing("client_secret=client-secret"))
            .withRequestBody(
                containing(
                    "redirect_uri=https%3A%2F%2Fapp.syncwell.example%2Foauth%2Ffitbit%2Fcallback")));
    wm.verify(
        getRequestedFor(urlPathEqualTo("/v4/users/me/identity"))
            .withHeader("Authorization", equalTo("Bearer ya29.a0ATi6K2uasci7FyyIClNLtQou6z...")));
  }

  @Test
  void a_refresh_without_a_refresh_token_keeps_the_old_one() {
    wm.stubFor(
        post(urlPathEqualTo("/token"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"new-access\",\"expires_in\":3599,\"scope\":\"a b\",\"token_type\":\"Bearer\"}")));
    TokenSet old =
        new TokenSet("old", Optional.of("refresh-1"), NOW, Set.of("a"), Optional.of(USER));

    TokenSet renewed = connector.oauth().refresh(old);

    assertThat(renewed.accessToken()).isEqualTo("new-access");
    assertThat(renewed.refreshToken()).contains("refresh-1");
    assertThat(renewed.providerUserId()).contains(USER);
    assertThat(renewed.scopes()).containsExactlyInAnyOrder("a", "b");
    wm.verify(
        postRequestedFor(urlPathEqualTo("/token"))
            .withRequestBody(containing("grant_type=refresh_token"))
            .withRequestBody(containing("refresh_token=refresh-1"))
            .withRequestBody(containing("client_secret=client-secret")));
  }

  @Test
  void a_rotated_refresh_token_replaces_the_old_one() {
    wm.stubFor(
        post(urlPathEqualTo("/token"))
            .willReturn(okJson(fixture("oauth-token-response.docs-example.json"))));
    TokenSet old = new TokenSet("old", Optional.of("refresh-1"), NOW, Set.of(), Optional.of(USER));

    assertThat(connector.oauth().refresh(old).refreshToken()).contains("1//05EuqYpEXjJCHCgYIA...");
  }

  @Test
  void invalid_grant_is_authorization_revoked() {
    wm.stubFor(
        post(urlPathEqualTo("/token"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}")));
    TokenSet old = new TokenSet("old", Optional.of("refresh-1"), NOW, Set.of(), Optional.of(USER));

    assertThatThrownBy(() -> connector.oauth().refresh(old))
        .isInstanceOf(AuthorizationRevoked.class);
    assertThatThrownBy(() -> connector.oauth().exchangeCode("used-code", "v", REDIRECT))
        .isInstanceOf(AuthorizationRevoked.class);
  }

  @Test
  void revoke_posts_the_refresh_token_to_the_revoke_endpoint_and_already_revoked_is_fine() {
    wm.stubFor(post(urlPathEqualTo("/revoke")).willReturn(aResponse().withStatus(200)));
    TokenSet tokens =
        new TokenSet("acc", Optional.of("refresh-1"), NOW, Set.of(), Optional.of(USER));

    connector.oauth().revoke(tokens);

    wm.verify(
        postRequestedFor(urlPathEqualTo("/revoke"))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withRequestBody(equalTo("token=refresh-1")));

    wm.stubFor(
        post(urlPathEqualTo("/revoke"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":\"invalid_token\",\"error_description\":\"Token expired or revoked\"}")));
    connector.oauth().revoke(tokens);
  }

  @Test
  void the_revoke_url_is_the_token_url_with_revoke_as_last_segment() {
    assertThat(
            GoogleHealthSettings.of(
                    GoogleHealthSettings.DEFAULT_BASE_URL,
                    GoogleHealthSettings.DEFAULT_AUTH_URL,
                    GoogleHealthSettings.DEFAULT_TOKEN_URL,
                    "id",
                    "secret")
                .revokeUrl())
        .isEqualTo(URI.create("https://oauth2.googleapis.com/revoke"));
    assertThat(settings.toString()).doesNotContain("client-secret");
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      q.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return q;
  }
}
