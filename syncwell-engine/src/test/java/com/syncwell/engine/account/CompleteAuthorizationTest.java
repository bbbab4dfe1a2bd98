package com.syncwell.engine.account;

import static com.syncwell.engine.account.AccountBed.ALICE;
import static com.syncwell.engine.account.AccountBed.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.connector.AuthorizationRevoked;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.Pkce;
import com.syncwell.connector.RateLimited;
import com.syncwell.connector.Transient;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every outcome of CompleteAuthorization, with a scripted provider. */
class CompleteAuthorizationTest {
  private static final String REDIRECT = "https://app.example/cb";
  private static final String VERIFIER = Pkce.newVerifier();

  @TempDir Path dir;
  private AccountBed bed;
  private ScriptedConnector strava;

  @BeforeEach
  void open() {
    bed = new AccountBed(dir, AccountBed.scriptedFitbitAndStrava());
    strava = bed.scripted("strava");
  }

  @AfterEach
  void close() {
    bed.close();
  }

  private String state(String user, String provider, String redirect) {
    return ((AuthorizationStarted)
            bed.startAuthorization()
                .start(
                    user, new AuthorizationStart(provider, redirect, Pkce.challengeOf(VERIFIER))))
        .state();
  }

  private CompleteAuthorizationOutcome complete(String user, String provider, String state) {
    return complete(
        user, new AuthorizationCompletion(provider, "code-1", VERIFIER, state, REDIRECT));
  }

  private CompleteAuthorizationOutcome complete(String user, AuthorizationCompletion request) {
    return bed.completeAuthorization().complete(user, request);
  }

  @Test
  void a_first_authorization_creates_an_active_connection_for_the_caller() {
    CompleteAuthorizationOutcome outcome =
        complete(ALICE, "strava", state(ALICE, "strava", REDIRECT));

    Connected connected = (Connected) outcome;
    assertThat(connected.created()).isTrue();
    Connection c = connected.connection();
    assertThat(c.userId()).isEqualTo(ALICE);
    assertThat(c.provider()).isEqualTo("strava");
    assertThat(c.providerUserId()).isEqualTo("account-1");
    assertThat(c.status()).isEqualTo(ConnectionStatus.ACTIVE);
    assertThat(bed.connections.tokens(c).accessToken()).isEqualTo("at-account-1");
    assertThat(bed.listConnections().list(ALICE)).containsExactly(c);
    assertThat(bed.listConnections().list(BOB)).isEmpty();
  }

  @Test
  void the_same_account_again_authorizes_the_existing_connection_again() {
    Connection first =
        ((Connected) complete(ALICE, "strava", state(ALICE, "strava", REDIRECT))).connection();
    bed.connections.markNeedsReauth(ALICE, first.connectionId(), first.version());

    Connected again = (Connected) complete(ALICE, "strava", state(ALICE, "strava", REDIRECT));

    assertThat(again.created()).isFalse();
    assertThat(again.connection().connectionId()).isEqualTo(first.connectionId());
    assertThat(again.connection().status()).isEqualTo(ConnectionStatus.ACTIVE);
    assertThat(bed.listConnections().list(ALICE)).hasSize(1);
    assertThat(bed.connections.listNeedingReauth("strava", 10, Optional.empty()).items()).isEmpty();
  }

  @Test
  void an_account_connected_to_another_user_is_refused_and_theirs_is_untouched() {
    Connection alices =
        ((Connected) complete(ALICE, "strava", state(ALICE, "strava", REDIRECT))).connection();

    CompleteAuthorizationOutcome outcome = complete(BOB, "strava", state(BOB, "strava", REDIRECT));

    assertThat(outcome).isInstanceOf(ProviderAccountTaken.class);
    assertThat(((Refusal) outcome).code()).isEqualTo("provider_account_in_use");
    assertThat(bed.listConnections().list(BOB)).isEmpty();
    assertThat(bed.getConnection().get(ALICE, alices.connectionId()))
        .isEqualTo(new ConnectionFound(alices));
    assertThat(strava.revoked).isEmpty();
  }

  @Test
  void a_state_completes_once_and_its_replay_never_reaches_the_provider() {
    String state = state(ALICE, "strava", REDIRECT);
    assertThat(complete(ALICE, "strava", state)).isInstanceOf(Connected.class);

    CompleteAuthorizationOutcome replay = complete(ALICE, "strava", state);

    assertThat(replay).isInstanceOf(StateAlreadyUsed.class);
    assertThat(((Refusal) replay).code()).isEqualTo("state_already_used");
    assertThat(strava.exchanges).hasValue(1);
  }

  @Test
  void an_expired_state_is_refused_without_a_provider_call() {
    String state = state(ALICE, "strava", REDIRECT);
    bed.clock.advance(Duration.ofMinutes(10));

    CompleteAuthorizationOutcome outcome = complete(ALICE, "strava", state);

    assertThat(outcome).isInstanceOf(StateExpired.class);
    assertThat(((Refusal) outcome).code()).isEqualTo("state_expired");
    assertThat(strava.exchanges).hasValue(0);
  }

  @Test
  void another_users_state_is_invalid_and_stays_usable_by_its_owner() {
    String alices = state(ALICE, "strava", REDIRECT);

    CompleteAuthorizationOutcome stolen = complete(BOB, "strava", alices);

    assertThat(stolen).isInstanceOf(InvalidState.class);
    assertThat(((Refusal) stolen).code()).isEqualTo("invalid_state");
    assertThat(strava.exchanges).hasValue(0);
    assertThat(complete(ALICE, "strava", alices)).isInstanceOf(Connected.class);
  }

  @Test
  void a_state_for_another_provider_or_redirect_or_tampered_with_is_invalid() {
    String state = state(ALICE, "strava", REDIRECT);
    String tampered = state.substring(0, state.length() - 2) + (state.endsWith("A") ? "BA" : "AA");

    assertThat(complete(ALICE, "fitbit", state)).isInstanceOf(InvalidState.class);
    assertThat(
            complete(
                ALICE,
                new AuthorizationCompletion(
                    "strava", "code-1", VERIFIER, state, "https://app.example/other")))
        .isInstanceOf(InvalidState.class);
    assertThat(complete(ALICE, "strava", tampered)).isInstanceOf(InvalidState.class);
    assertThat(complete(ALICE, "strava", "not-a-state")).isInstanceOf(InvalidState.class);
    assertThat(strava.exchanges).hasValue(0);
  }

  @Test
  void a_code_the_provider_refuses_is_authorization_failed_and_the_state_is_spent() {
    String state = state(ALICE, "strava", REDIRECT);
    strava.nextExchangeFailure = new Permanent("strava", "400 invalid code", null);

    CompleteAuthorizationOutcome outcome = complete(ALICE, "strava", state);

    assertThat(outcome).isInstanceOf(AuthorizationFailed.class);
    assertThat(((Refusal) outcome).code()).isEqualTo("authorization_failed");
    assertThat(bed.listConnections().list(ALICE)).isEmpty();
    assertThat(complete(ALICE, "strava", state)).isInstanceOf(StateAlreadyUsed.class);
  }

  @Test
  void an_invalid_grant_at_the_exchange_is_authorization_failed() {
    strava.nextExchangeFailure = new AuthorizationRevoked("strava", "invalid_grant");

    assertThat(complete(ALICE, "strava", state(ALICE, "strava", REDIRECT)))
        .isInstanceOf(AuthorizationFailed.class);
  }

  @Test
  void a_provider_outage_is_retryable_with_the_same_state() {
    String state = state(ALICE, "strava", REDIRECT);
    strava.nextExchangeFailure = new Transient("strava", "503", null);

    CompleteAuthorizationOutcome outage = complete(ALICE, "strava", state);

    assertThat(outage).isEqualTo(new ProviderUnavailable(Optional.empty()));
    assertThat(((Refusal) outage).code()).isEqualTo("provider_unavailable");
    assertThat(bed.listConnections().list(ALICE)).isEmpty();
    assertThat(complete(ALICE, "strava", state)).isInstanceOf(Connected.class);
    assertThat(complete(ALICE, "strava", state)).isInstanceOf(StateAlreadyUsed.class);
  }

  @Test
  void a_rate_limited_exchange_says_when_to_retry() {
    Instant reset = bed.clock.instant().plus(Duration.ofMinutes(3));
    strava.nextExchangeFailure = new RateLimited("strava", reset, "429");

    assertThat(complete(ALICE, "strava", state(ALICE, "strava", REDIRECT)))
        .isEqualTo(new ProviderUnavailable(Optional.of(reset)));
  }

  @Test
  void an_unknown_provider_is_refused_as_such() {
    assertThat(complete(ALICE, "garmin", state(ALICE, "strava", REDIRECT)))
        .isEqualTo(new UnknownProvider("garmin"));
  }

  @Test
  void malformed_fields_are_invalid_fields_named_by_their_json_name() {
    String state = state(ALICE, "strava", REDIRECT);

    assertThat(field(new AuthorizationCompletion(null, "c", VERIFIER, state, REDIRECT)))
        .isEqualTo("provider");
    assertThat(field(new AuthorizationCompletion("strava", " ", VERIFIER, state, REDIRECT)))
        .isEqualTo("code");
    assertThat(field(new AuthorizationCompletion("strava", "c", "short", state, REDIRECT)))
        .isEqualTo("codeVerifier");
    assertThat(field(new AuthorizationCompletion("strava", "c", VERIFIER, null, REDIRECT)))
        .isEqualTo("state");
    assertThat(
            field(
                new AuthorizationCompletion(
                    "strava", "c", VERIFIER, state, "http://app.example/cb")))
        .isEqualTo("redirectUri");
    assertThat(strava.exchanges).hasValue(0);
    assertThat(complete(ALICE, "strava", state)).isInstanceOf(Connected.class);
  }

  private String field(AuthorizationCompletion request) {
    return ((InvalidField) complete(ALICE, request)).field();
  }

  @Test
  void the_request_never_shows_its_code_or_verifier() {
    assertThat(new AuthorizationCompletion("strava", "secret-code", VERIFIER, "s", REDIRECT))
        .asString()
        .doesNotContain("secret-code")
        .doesNotContain(VERIFIER);
  }
}
