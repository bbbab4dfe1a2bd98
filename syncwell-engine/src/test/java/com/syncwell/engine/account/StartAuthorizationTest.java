package com.syncwell.engine.account;

import static com.syncwell.engine.account.AccountBed.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.connector.Pkce;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartAuthorizationTest {
  private static final String CHALLENGE = Pkce.challengeOf(Pkce.newVerifier());

  @TempDir Path dir;
  private AccountBed bed;

  @BeforeEach
  void open() {
    bed = new AccountBed(dir, AccountBed.scriptedFitbitAndStrava());
  }

  @AfterEach
  void close() {
    bed.close();
  }

  private StartAuthorizationOutcome start(String provider, String redirect, String challenge) {
    return bed.startAuthorization()
        .start(ALICE, new AuthorizationStart(provider, redirect, challenge));
  }

  @Test
  void it_returns_the_providers_url_with_a_state_valid_for_this_user_provider_and_redirect() {
    StartAuthorizationOutcome outcome = start("strava", "https://app.example/cb", CHALLENGE);

    AuthorizationStarted started = (AuthorizationStarted) outcome;
    assertThat(started.authorizationUrl().toString())
        .startsWith("https://auth.example/strava")
        .contains("state=" + started.state());
    assertThat(
            bed.states.verify(
                started.state(), ALICE, "strava", URI.create("https://app.example/cb")))
        .isInstanceOf(ValidState.class);
  }

  @Test
  void https_anywhere_and_http_on_the_loopback_are_accepted_as_redirects() {
    for (String ok :
        new String[] {
          "https://app.example/cb",
          "https://app.example:8443/oauth/callback?client=web",
          "HTTPS://App.Example/cb",
          "http://localhost:8080/cb",
          "http://127.0.0.1/cb",
          "http://[::1]:3000/cb"
        }) {
      assertThat(start("strava", ok, CHALLENGE)).as(ok).isInstanceOf(AuthorizationStarted.class);
    }
  }

  @Test
  void other_redirects_are_invalid_fields() {
    for (String bad :
        new String[] {
          "http://app.example/cb",
          "http://localhost.evil.example/cb",
          "/relative/cb",
          "app.example/cb",
          "https://app.example/cb#fragment",
          "https://user:pass@app.example/cb",
          "ftp://app.example/cb",
          "javascript:alert(1)",
          "https:///no-host",
          "https://app.example/" + "x".repeat(3000),
          "https://app example/cb",
          ""
        }) {
      StartAuthorizationOutcome outcome = start("strava", bad, CHALLENGE);
      assertThat(outcome).as(bad).isInstanceOf(InvalidField.class);
      assertThat(((InvalidField) outcome).field()).isEqualTo("redirectUri");
    }
    assertThat(start("strava", null, CHALLENGE)).isInstanceOf(InvalidField.class);
  }

  @Test
  void a_challenge_outside_the_pkce_alphabet_or_length_is_an_invalid_field() {
    for (String bad :
        new String[] {
          "short", "a".repeat(42), "a".repeat(129), "a".repeat(42) + "+", "a".repeat(42) + "="
        }) {
      StartAuthorizationOutcome outcome = start("strava", "https://app.example/cb", bad);
      assertThat(outcome).as(bad).isInstanceOf(InvalidField.class);
      assertThat(((InvalidField) outcome).field()).isEqualTo("codeChallenge");
    }
    assertThat(start("strava", "https://app.example/cb", "a".repeat(128)))
        .isInstanceOf(AuthorizationStarted.class);
    assertThat(start("strava", "https://app.example/cb", "aZ0-._~".repeat(7)))
        .isInstanceOf(AuthorizationStarted.class);
  }

  @Test
  void an_unknown_provider_is_refused_as_such() {
    StartAuthorizationOutcome outcome = start("garmin", "https://app.example/cb", CHALLENGE);

    assertThat(outcome).isEqualTo(new UnknownProvider("garmin"));
    assertThat(((Refusal) outcome).code()).isEqualTo("unknown_provider");
  }

  @Test
  void a_missing_provider_is_an_invalid_field() {
    assertThat(start(null, "https://app.example/cb", CHALLENGE))
        .isEqualTo(new InvalidField("provider", "is required"));
  }
}
