package com.syncwell.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.testkit.MutableClock;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JwtAuthenticatorBuilderTest {
  private final MutableClock clock = MutableClock.startingAtNewYear();
  private final URI localJwks = URI.create("http://127.0.0.1:9/jwks.json");

  @Test
  void an_authenticator_without_any_issuer_is_refused() {
    assertThatThrownBy(() -> JwtAuthenticator.builder(clock).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no identity provider");
  }

  @Test
  void a_jwks_url_must_be_https_except_on_loopback() {
    assertThatThrownBy(
            () ->
                JwtAuthenticator.builder(clock)
                    .firebase("proj", URI.create("http://keys.example.com/jwks.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
    assertThatThrownBy(
            () -> JwtAuthenticator.builder(clock).firebase("proj", URI.create("file:///etc/jwks")))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(JwtAuthenticator.builder(clock).firebase("proj", localJwks).build()).isNotNull();
    assertThat(
            JwtAuthenticator.builder(clock)
                .firebase("proj", URI.create("https://keys.example.com/jwks.json"))
                .build())
        .isNotNull();
  }

  @Test
  void a_firebase_project_id_cannot_reshape_the_issuer() {
    for (String bad : new String[] {"", " ", "proj/../other", "proj?x"}) {
      assertThatThrownBy(() -> JwtAuthenticator.builder(clock).firebase(bad, localJwks))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void cognito_needs_an_https_issuer_and_a_client_id() {
    assertThatThrownBy(
            () ->
                JwtAuthenticator.builder(clock)
                    .cognito("http://cognito-idp.example.com/pool", "client", localJwks))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> JwtAuthenticator.builder(clock).cognito(Tokens.COGNITO_ISSUER, " ", localJwks))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("client id");
  }

  @Test
  void the_default_cognito_jwks_is_under_the_issuer() {
    // Builds without fetching anything: keys are fetched on the first token.
    assertThat(
            JwtAuthenticator.builder(clock)
                .cognito(Tokens.COGNITO_ISSUER + "/", Tokens.CLIENT_ID)
                .build())
        .isNotNull();
    assertThat(JwtAuthenticator.FIREBASE_JWKS_URL.getScheme()).isEqualTo("https");
  }

  @Test
  void limits_are_checked() {
    AuthLimits d = AuthLimits.defaults();
    assertThatThrownBy(
            () ->
                new AuthLimits(
                    d.maxTokenLength(),
                    Duration.ofSeconds(61),
                    d.jwksRefreshInterval(),
                    d.jwksMaxAge(),
                    d.jwksTimeout(),
                    d.jwksMaxBytes(),
                    d.verifiedTokens()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new AuthLimits(
                    d.maxTokenLength(),
                    d.clockSkew(),
                    d.jwksRefreshInterval(),
                    d.jwksMaxAge(),
                    Duration.ofSeconds(3),
                    d.jwksMaxBytes(),
                    d.verifiedTokens()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(d.maxTokenLength()).isEqualTo(8192);
    assertThat(d.clockSkew()).isEqualTo(Duration.ofSeconds(60));
    assertThat(d.jwksRefreshInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(d.verifiedTokens()).isEqualTo(100_000);
  }
}
