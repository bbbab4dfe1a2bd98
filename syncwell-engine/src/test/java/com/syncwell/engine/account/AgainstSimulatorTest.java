package com.syncwell.engine.account;

import static com.syncwell.engine.account.AccountBed.ALICE;
import static com.syncwell.engine.account.AccountBed.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.connector.AuthorizationRevoked;
import com.syncwell.connector.Connector;
import com.syncwell.connector.Pkce;
import com.syncwell.connector.TokenSet;
import com.syncwell.connector.files.WorkoutFileFormat;
import com.syncwell.connector.files.WorkoutFiles;
import com.syncwell.connector.fitbit.FitbitConnector;
import com.syncwell.connector.fitbit.GoogleHealthSettings;
import com.syncwell.connector.strava.StravaConnector;
import com.syncwell.connector.strava.StravaSettings;
import com.syncwell.domain.DataType;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionStatus;
import com.syncwell.engine.store.JobStatus;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatorOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connecting and de-authorizing through the real Fitbit (Google Health API) and Strava connectors
 * against the embedded simulator: the use cases' URL, the simulator's consent redirect (played here
 * as the browser), the use cases' code exchange and revocation.
 */
class AgainstSimulatorTest {
  private static final String REDIRECT = "http://127.0.0.1/syncwell/oauth/callback";

  @TempDir Path dir;
  private ProviderSimulator sim;
  private AccountBed bed;
  private Connector fitbit;
  private Connector strava;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final HttpClient browser =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void start() {
    sim =
        ProviderSimulator.start(
            SimulatorOptions.defaults()
                .withClock(Clock.fixed(Instant.parse("2026-12-01T10:07:00Z"), ZoneOffset.UTC)));
    Map<String, String> env = sim.environment();
    fitbit =
        new FitbitConnector(
            GoogleHealthSettings.of(
                URI.create(env.get("SYNCWELL_FITBIT_BASE_URL")),
                URI.create(env.get("SYNCWELL_FITBIT_AUTH_URL")),
                URI.create(env.get("SYNCWELL_FITBIT_TOKEN_URL")),
                env.get("SYNCWELL_FITBIT_CLIENT_ID"),
                env.get("SYNCWELL_FITBIT_CLIENT_SECRET")),
            client,
            sim.clock(),
            WorkoutFiles.codec(WorkoutFileFormat.TCX));
    strava =
        new StravaConnector(
            new StravaSettings(
                URI.create(env.get("SYNCWELL_STRAVA_BASE_URL")),
                URI.create(env.get("SYNCWELL_STRAVA_AUTH_URL")),
                URI.create(env.get("SYNCWELL_STRAVA_TOKEN_URL")),
                env.get("SYNCWELL_STRAVA_CLIENT_ID"),
                env.get("SYNCWELL_STRAVA_CLIENT_SECRET")),
            client,
            sim.clock(),
            WorkoutFiles.codec(WorkoutFileFormat.FIT),
            WorkoutFiles.codec(WorkoutFileFormat.TCX),
            millis -> {},
            StravaConnector.DEFAULT_RELIST_OVERLAP);
    Map<String, Connector> connectors = new HashMap<>();
    connectors.put(FitbitConnector.ID, fitbit);
    connectors.put(StravaConnector.ID, strava);
    bed = new AccountBed(dir, connectors);
  }

  @AfterEach
  void stop() {
    bed.close();
    sim.close();
  }

  /** What the simulator's consent page sends back to the redirect URI. */
  private record Callback(String code, String state) {}

  /** Starts an authorization for {@code user}, and approves it as {@code simAccount}. */
  private Callback approve(String user, String provider, String verifier, String simAccount)
      throws IOException, InterruptedException {
    AuthorizationStarted started =
        (AuthorizationStarted)
            bed.startAuthorization()
                .start(
                    user, new AuthorizationStart(provider, REDIRECT, Pkce.challengeOf(verifier)));
    URI asAccount =
        URI.create(
            started.authorizationUrl()
                + "&sim_user="
                + URLEncoder.encode(simAccount, StandardCharsets.UTF_8));
    HttpResponse<Void> response =
        browser.send(
            HttpRequest.newBuilder(asAccount).GET().build(),
            HttpResponse.BodyHandlers.discarding());
    URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
    assertThat(location.toString()).startsWith(REDIRECT);
    Map<String, String> query = new HashMap<>();
    for (String pair : location.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    assertThat(query.get("state")).isEqualTo(started.state());
    return new Callback(query.get("code"), query.get("state"));
  }

  private CompleteAuthorizationOutcome complete(
      String user, String provider, String verifier, Callback callback) {
    return bed.completeAuthorization()
        .complete(
            user,
            new AuthorizationCompletion(
                provider, callback.code(), verifier, callback.state(), REDIRECT));
  }

  private Connection connect(String user, String provider, String simAccount) throws Exception {
    String verifier = Pkce.newVerifier();
    return ((Connected)
            complete(user, provider, verifier, approve(user, provider, verifier, simAccount)))
        .connection();
  }

  @Test
  void both_providers_connect_through_their_real_oauth_flow() throws Exception {
    Connection toFitbit = connect(ALICE, "fitbit", "alice");
    Connection toStrava = connect(ALICE, "strava", "alice");

    assertThat(toFitbit.status()).isEqualTo(ConnectionStatus.ACTIVE);
    assertThat(toStrava.status()).isEqualTo(ConnectionStatus.ACTIVE);
    assertThat(bed.listConnections().list(ALICE)).containsExactlyInAnyOrder(toFitbit, toStrava);
    assertThat(
            bed.connections.findOwner("strava", toStrava.providerUserId()).orElseThrow().userId())
        .isEqualTo(ALICE);
    TokenSet tokens = bed.connections.tokens(toFitbit);
    assertThat(fitbit.oauth().refresh(tokens).accessToken()).isNotBlank();
  }

  @Test
  void a_verifier_that_does_not_match_the_challenge_is_authorization_failed() throws Exception {
    Callback callback = approve(ALICE, "fitbit", Pkce.newVerifier(), "alice");

    CompleteAuthorizationOutcome outcome = complete(ALICE, "fitbit", Pkce.newVerifier(), callback);

    assertThat(outcome).isInstanceOf(AuthorizationFailed.class);
    assertThat(bed.listConnections().list(ALICE)).isEmpty();
  }

  @Test
  void a_code_redeemed_once_cannot_connect_another_user_even_with_their_own_state()
      throws Exception {
    String verifier = Pkce.newVerifier();
    Callback alices = approve(ALICE, "strava", verifier, "alice");
    assertThat(complete(ALICE, "strava", verifier, alices)).isInstanceOf(Connected.class);
    Callback bobs = approve(BOB, "strava", verifier, "bob");

    CompleteAuthorizationOutcome outcome =
        complete(BOB, "strava", verifier, new Callback(alices.code(), bobs.state()));

    assertThat(outcome).isInstanceOf(AuthorizationFailed.class);
    assertThat(bed.listConnections().list(BOB)).isEmpty();
  }

  @Test
  void the_same_simulated_account_for_a_second_user_is_provider_account_in_use() throws Exception {
    Connection alices = connect(ALICE, "strava", "alice");
    String verifier = Pkce.newVerifier();

    CompleteAuthorizationOutcome outcome =
        complete(BOB, "strava", verifier, approve(BOB, "strava", verifier, "alice"));

    assertThat(outcome).isInstanceOf(ProviderAccountTaken.class);
    assertThat(bed.connections.tokens(alices).accessToken()).isNotBlank();
    assertThat(strava.oauth().refresh(bed.connections.tokens(alices)).accessToken()).isNotBlank();
  }

  @Test
  void deleting_a_connection_revokes_its_grant_at_the_provider_and_cascades() throws Exception {
    Connection toFitbit = connect(ALICE, "fitbit", "alice");
    Connection toStrava = connect(ALICE, "strava", "alice");
    SyncConfig config = bed.config(ALICE, toFitbit, toStrava, DataType.WORKOUT);
    String queued = bed.jobs.create(ALICE, config.configId(), JobTrigger.MANUAL).jobId();
    TokenSet before = bed.connections.tokens(toStrava);
    sim.stats().reset();

    DeleteConnectionOutcome outcome = bed.deleteConnection().delete(ALICE, toStrava.connectionId());

    assertThat(outcome).isEqualTo(new ConnectionDeleted(1, 1));
    JsonNode routes = sim.stats().toJson().path("strava").path("routes");
    assertThat(routes.path("POST /oauth/deauthorize").path("calls").asLong()).isEqualTo(1);
    assertThatThrownBy(() -> strava.oauth().refresh(before))
        .isInstanceOf(AuthorizationRevoked.class);
    assertThat(bed.listConnections().list(ALICE)).containsExactly(toFitbit);
    assertThat(bed.listSyncConfigs().list(ALICE)).isEmpty();
    assertThat(bed.jobs.get(ALICE, queued).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(bed.connections.findOwner("strava", toStrava.providerUserId())).isEmpty();
    assertThat(connect(BOB, "strava", "alice").userId()).isEqualTo(BOB);
  }

  @Test
  void erasing_an_account_revokes_every_grant_at_the_providers_and_frees_the_accounts()
      throws Exception {
    Connection toFitbit = connect(ALICE, "fitbit", "alice");
    Connection toStrava = connect(ALICE, "strava", "alice");
    bed.config(ALICE, toFitbit, toStrava, DataType.WORKOUT);
    TokenSet fitbitTokens = bed.connections.tokens(toFitbit);
    TokenSet stravaTokens = bed.connections.tokens(toStrava);
    sim.stats().reset();

    DeleteAccountOutcome outcome = bed.deleteAccount().erase(ALICE);

    assertThat(outcome).isInstanceOf(AccountErased.class);
    assertThat(outcome.tally().grantsRevoked()).isEqualTo(2);
    JsonNode stats = sim.stats().toJson();
    assertThat(stats.at("/fitbit/routes").toString()).contains("/oauth2/revoke");
    assertThat(
            stats
                .path("strava")
                .path("routes")
                .path("POST /oauth/deauthorize")
                .path("calls")
                .asLong())
        .isEqualTo(1);
    assertThatThrownBy(() -> fitbit.oauth().refresh(fitbitTokens))
        .isInstanceOf(AuthorizationRevoked.class);
    assertThatThrownBy(() -> strava.oauth().refresh(stravaTokens))
        .isInstanceOf(AuthorizationRevoked.class);
    assertThat(bed.connections.findOwner("fitbit", toFitbit.providerUserId())).isEmpty();
    assertThat(bed.connections.findOwner("strava", toStrava.providerUserId())).isEmpty();
    assertThat(bed.listConnections().list(ALICE)).isEmpty();
    assertThat(connect(BOB, "strava", "alice").userId()).isEqualTo(BOB);
  }
}
