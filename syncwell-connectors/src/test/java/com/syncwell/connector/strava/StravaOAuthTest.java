package com.syncwell.connector.strava;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.connector.AuthorizationRequest;
import com.syncwell.connector.AuthorizationRevoked;
import com.syncwell.connector.Pkce;
import com.syncwell.connector.TokenSet;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StravaOAuthTest {
  private final StravaTestbed bed = new StravaTestbed();

  @AfterEach
  void stop() {
    bed.close();
  }

  @Test
  void the_authorization_url_asks_for_activity_scopes_with_state_and_no_pkce() {
    URI url =
        bed.connector
            .oauth()
            .authorizationUrl(
                new AuthorizationRequest(
                    URI.create("https://app.example/callback/strava"),
                    "state-123",
                    Pkce.challengeOf(Pkce.newVerifier())));

    assertThat(url.getPath()).isEqualTo("/oauth/authorize");
    assertThat(url.getRawQuery())
        .isEqualTo(
            "client_id=4711&redirect_uri=https%3A%2F%2Fapp.example%2Fcallback%2Fstrava"
                + "&response_type=code&approval_prompt=auto"
                + "&scope=activity%3Aread_all%2Cactivity%3Awrite&state=state-123")
        .doesNotContain("code_challenge");
  }

  @Test
  void the_code_exchange_posts_the_form_and_reads_expiry_refresh_token_and_athlete() {
    bed.server.stubFor(
        post("/oauth/token").willReturn(okJson(bed.tokenAnswer("access-1", "refresh-1"))));

    TokenSet tokens =
        bed.connector
            .oauth()
            .exchangeCode("the-code", "ignored-verifier", URI.create("https://app.example/cb"));

    assertThat(tokens.accessToken()).isEqualTo("access-1");
    assertThat(tokens.refreshToken()).contains("refresh-1");
    assertThat(tokens.expiresAt()).isEqualTo(StravaTestbed.NOW.plus(Duration.ofHours(6)));
    assertThat(tokens.providerUserId()).contains("134815");
    assertThat(tokens.toString()).doesNotContain("access-1", "refresh-1");
    bed.server.verify(
        postRequestedFor(urlEqualTo("/oauth/token"))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withoutHeader("Authorization")
            .withRequestBody(
                equalTo(
                    "client_id=4711&client_secret=client-secret-value&code=the-code"
                        + "&grant_type=authorization_code")));
  }

  @Test
  void a_refresh_sends_the_refresh_token_and_keeps_the_rotated_one() {
    bed.server.stubFor(
        post("/oauth/token").willReturn(okJson(bed.tokenAnswer("access-2", "refresh-2"))));

    TokenSet renewed = bed.connector.oauth().refresh(bed.tokens("access-1"));

    assertThat(renewed.accessToken()).isEqualTo("access-2");
    assertThat(renewed.refreshToken()).contains("refresh-2");
    bed.server.verify(
        postRequestedFor(urlEqualTo("/oauth/token"))
            .withRequestBody(
                equalTo(
                    "client_id=4711&client_secret=client-secret-value"
                        + "&grant_type=refresh_token&refresh_token=refresh-token-1")));
  }

  @Test
  void a_refresh_refused_as_an_invalid_refresh_token_is_authorization_revoked() {
    bed.server.stubFor(
        post("/oauth/token")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"message\":\"Bad Request\",\"errors\":[{\"resource\":\"RefreshToken\","
                            + "\"field\":\"refresh_token\",\"code\":\"invalid\"}]}")));

    assertThatThrownBy(() -> bed.connector.oauth().refresh(bed.tokens("access-1")))
        .isInstanceOf(AuthorizationRevoked.class);
  }

  @Test
  void a_refresh_refused_with_invalid_grant_is_authorization_revoked() {
    bed.server.stubFor(
        post("/oauth/token")
            .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));

    assertThatThrownBy(() -> bed.connector.oauth().refresh(bed.tokens("access-1")))
        .isInstanceOf(AuthorizationRevoked.class);
  }

  @Test
  void a_refresh_answered_401_is_authorization_revoked() {
    bed.server.stubFor(post("/oauth/token").willReturn(aResponse().withStatus(401)));

    assertThatThrownBy(() -> bed.connector.oauth().refresh(bed.tokens("access-1")))
        .isInstanceOf(AuthorizationRevoked.class);
  }

  @Test
  void revoking_posts_the_access_token_to_the_deauthorize_url() {
    bed.server.stubFor(post("/oauth/deauthorize").willReturn(okJson("{\"access_token\":\"x\"}")));

    bed.connector.oauth().revoke(bed.tokens("access-1"));

    bed.server.verify(
        postRequestedFor(urlEqualTo("/oauth/deauthorize"))
            .withRequestBody(equalTo("access_token=access-1")));
  }

  @Test
  void revoking_an_already_revoked_grant_is_not_an_error() {
    bed.server.stubFor(post("/oauth/deauthorize").willReturn(aResponse().withStatus(401)));

    bed.connector.oauth().revoke(bed.tokens("access-1"));

    bed.server.verify(postRequestedFor(urlEqualTo("/oauth/deauthorize")));
  }

  @Test
  void revoking_an_expired_token_refreshes_it_first() {
    bed.server.stubFor(
        post("/oauth/token").willReturn(okJson(bed.tokenAnswer("access-2", "refresh-2"))));
    bed.server.stubFor(post("/oauth/deauthorize").willReturn(okJson("{}")));
    TokenSet expired =
        new TokenSet(
            "access-1",
            Optional.of("refresh-1"),
            StravaTestbed.NOW.minusSeconds(1),
            Set.of(),
            Optional.empty());

    bed.connector.oauth().revoke(expired);

    bed.server.verify(
        postRequestedFor(urlEqualTo("/oauth/deauthorize"))
            .withRequestBody(containing("access_token=access-2")));
  }

  @Test
  void the_deauthorize_url_is_the_token_url_with_its_last_segment_replaced() {
    assertThat(
            new StravaSettings(
                    StravaSettings.DEFAULT_BASE_URL,
                    StravaSettings.DEFAULT_AUTH_URL,
                    StravaSettings.DEFAULT_TOKEN_URL,
                    "id",
                    "secret")
                .deauthorizeUrl())
        .isEqualTo(URI.create("https://www.strava.com/oauth/deauthorize"));
  }

  @Test
  void settings_never_show_the_client_secret() {
    assertThat(bed.settings.toString()).doesNotContain("client-secret-value");
  }
}
