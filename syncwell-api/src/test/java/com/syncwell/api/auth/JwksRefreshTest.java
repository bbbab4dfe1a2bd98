package com.syncwell.api.auth;

import static com.syncwell.api.auth.Tokens.bearer;
import static com.syncwell.api.auth.Tokens.key;
import static com.syncwell.api.auth.Tokens.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.syncwell.testkit.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fetching, caching and refreshing an issuer's JWKS, driven by the injected clock. */
class JwksRefreshTest {
  private final MutableClock clock = MutableClock.startingAtNewYear();
  private final RSAKey first = key("fb-1");
  private final RSAKey second = key("fb-2");
  private final List<JwksServer> servers = new ArrayList<>();

  @AfterEach
  void stop_servers() {
    servers.forEach(JwksServer::close);
  }

  private JwksServer serving(RSAKey... keys) throws IOException {
    JwksServer server = JwksServer.publishing(keys);
    servers.add(server);
    return server;
  }

  private JwtAuthenticator firebaseWith(JwksServer jwks) {
    return firebaseWith(jwks, AuthLimits.defaults());
  }

  private JwtAuthenticator firebaseWith(JwksServer jwks, AuthLimits limits) {
    return JwtAuthenticator.builder(clock)
        .firebase(Tokens.PROJECT, jwks.url())
        .limits(limits)
        .build();
  }

  private AuthOutcome authenticate(JwtAuthenticator authenticator, RSAKey key, String uid) {
    return authenticator.authenticate(bearer(signed(key, Tokens.firebase(clock.instant(), uid))));
  }

  private static AuthOutcome.Authenticated user(String uid) {
    return new AuthOutcome.Authenticated(uid, "firebase");
  }

  private static void assertRejected(AuthOutcome outcome, AuthFailure failure) {
    assertThat(outcome)
        .isInstanceOfSatisfying(
            AuthOutcome.Rejected.class, r -> assertThat(r.failure()).isEqualTo(failure));
  }

  @Test
  void the_keys_are_fetched_once_and_kept_for_later_tokens() throws IOException {
    JwksServer jwks = serving(first);
    JwtAuthenticator authenticator = firebaseWith(jwks);

    assertThat(jwks.fetches()).isZero();
    for (int i = 0; i < 5; i++) {
      assertThat(authenticate(authenticator, first, "user-" + i)).isEqualTo(user("user-" + i));
      clock.advance(Duration.ofMinutes(5));
    }

    assertThat(jwks.fetches()).isEqualTo(1);
  }

  @Test
  void a_rotated_in_key_is_fetched_once_and_accepted() throws IOException {
    JwksServer jwks = serving(first);
    JwtAuthenticator authenticator = firebaseWith(jwks);
    authenticate(authenticator, first, "user-1");

    clock.advance(Duration.ofMinutes(10));
    jwks.publish(first, second);

    assertThat(authenticate(authenticator, second, "user-2")).isEqualTo(user("user-2"));
    assertThat(authenticate(authenticator, second, "user-3")).isEqualTo(user("user-3"));
    assertThat(authenticate(authenticator, first, "user-4")).isEqualTo(user("user-4"));
    assertThat(jwks.fetches()).isEqualTo(2);
  }

  @Test
  void unknown_kids_refetch_at_most_once_a_minute() throws IOException {
    JwksServer jwks = serving(first);
    JwtAuthenticator authenticator = firebaseWith(jwks);
    authenticate(authenticator, first, "user-1");
    clock.advance(Duration.ofMinutes(2));

    assertRejected(authenticate(authenticator, key("made-up-1"), "u"), AuthFailure.UNKNOWN_KEY);
    jwks.publish(first, second);
    clock.advance(Duration.ofSeconds(30));
    assertRejected(authenticate(authenticator, second, "user-2"), AuthFailure.UNKNOWN_KEY);
    assertThat(jwks.fetches()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(31));
    assertThat(authenticate(authenticator, second, "user-2")).isEqualTo(user("user-2"));
    assertThat(jwks.fetches()).isEqualTo(3);
  }

  @Test
  void threads_racing_on_a_rotated_in_key_share_one_fetch() throws Exception {
    JwksServer jwks = serving(first);
    JwtAuthenticator authenticator = firebaseWith(jwks);
    authenticate(authenticator, first, "user-1");
    clock.advance(Duration.ofMinutes(10));
    jwks.publish(first, second);
    int threads = 16;
    List<String> headers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      headers.add(bearer(signed(second, Tokens.firebase(clock.instant(), "racer-" + i))));
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Future<AuthOutcome>> outcomes = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (String header : headers) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  return authenticator.authenticate(header);
                }));
      }
      start.countDown();
      for (int i = 0; i < threads; i++) {
        assertThat(outcomes.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(user("racer-" + i));
      }
    }

    assertThat(jwks.fetches()).isEqualTo(2);
  }

  @Test
  void a_flood_of_invented_kids_costs_one_fetch_per_minute() throws IOException {
    JwksServer jwks = serving(first);
    JwtAuthenticator authenticator = firebaseWith(jwks);
    authenticate(authenticator, first, "user-1");
    clock.advance(Duration.ofMinutes(2));
    RSAKey stranger = key("stranger");

    for (int i = 0; i < 50; i++) {
      assertRejected(authenticate(authenticator, stranger, "u" + i), AuthFailure.UNKNOWN_KEY);
    }

    assertThat(jwks.fetches()).isEqualTo(2);
  }

  @Test
  void the_host_going_down_after_a_first_fetch_keeps_the_known_keys() throws IOException {
    JwksServer jwks = serving(first);
    JwtAuthenticator authenticator = firebaseWith(jwks);
    authenticate(authenticator, first, "user-1");

    jwks.goDown();
    clock.advance(Duration.ofHours(3)); // the set is stale: every minute a refresh is tried

    assertThat(authenticate(authenticator, first, "user-2")).isEqualTo(user("user-2"));
    assertRejected(authenticate(authenticator, second, "user-3"), AuthFailure.UNKNOWN_KEY);
    clock.advance(Duration.ofMinutes(5));
    assertThat(authenticate(authenticator, first, "user-4")).isEqualTo(user("user-4"));
  }

  @Test
  void http_errors_and_garbage_after_a_first_fetch_keep_the_known_keys() throws IOException {
    JwksServer jwks = serving(first);
    JwtAuthenticator authenticator = firebaseWith(jwks);
    authenticate(authenticator, first, "user-1");

    jwks.failWith(503);
    clock.advance(Duration.ofMinutes(2));
    assertRejected(authenticate(authenticator, second, "user-2"), AuthFailure.UNKNOWN_KEY);
    jwks.publishRaw("<html>maintenance</html>");
    clock.advance(Duration.ofMinutes(2));
    assertRejected(authenticate(authenticator, second, "user-3"), AuthFailure.UNKNOWN_KEY);
    jwks.publishRaw("{\"keys\":[]}");
    clock.advance(Duration.ofMinutes(2));
    assertRejected(authenticate(authenticator, second, "user-4"), AuthFailure.UNKNOWN_KEY);

    assertThat(jwks.fetches()).isEqualTo(4);
    assertThat(authenticate(authenticator, first, "user-5")).isEqualTo(user("user-5"));
  }

  @Test
  void a_host_never_reached_means_keys_unavailable_and_is_retried_once_a_minute()
      throws IOException {
    JwksServer jwks = serving(first);
    jwks.failWith(500);
    JwtAuthenticator authenticator = firebaseWith(jwks);

    assertRejected(authenticate(authenticator, first, "user-1"), AuthFailure.KEYS_UNAVAILABLE);
    assertRejected(authenticate(authenticator, first, "user-2"), AuthFailure.KEYS_UNAVAILABLE);
    assertThat(jwks.fetches()).isEqualTo(1);

    jwks.publish(first);
    clock.advance(Duration.ofSeconds(61));
    assertThat(authenticate(authenticator, first, "user-3")).isEqualTo(user("user-3"));
    assertThat(jwks.fetches()).isEqualTo(2);
  }

  @Test
  void a_host_refusing_connections_from_the_start_means_keys_unavailable() throws IOException {
    JwksServer jwks = serving(first);
    jwks.goDown();
    JwtAuthenticator authenticator = firebaseWith(jwks);

    assertRejected(authenticate(authenticator, first, "user-1"), AuthFailure.KEYS_UNAVAILABLE);
  }

  @Test
  void a_host_that_never_answers_is_given_up_after_the_read_timeout() throws IOException {
    JwksServer jwks = serving(first);
    jwks.hang();
    AuthLimits limits = AuthLimits.defaults();
    JwtAuthenticator authenticator =
        firebaseWith(
            jwks,
            new AuthLimits(
                limits.maxTokenLength(),
                limits.clockSkew(),
                limits.jwksRefreshInterval(),
                limits.jwksMaxAge(),
                Duration.ofMillis(200),
                limits.jwksMaxBytes(),
                limits.verifiedTokens()));

    assertRejected(authenticate(authenticator, first, "user-1"), AuthFailure.KEYS_UNAVAILABLE);
    assertThat(jwks.fetches()).isEqualTo(1);
  }

  @Test
  void a_jwks_larger_than_the_size_limit_is_not_read() throws IOException {
    JwksServer jwks = serving(first);
    AuthLimits limits = AuthLimits.defaults();
    JwtAuthenticator authenticator =
        firebaseWith(
            jwks,
            new AuthLimits(
                limits.maxTokenLength(),
                limits.clockSkew(),
                limits.jwksRefreshInterval(),
                limits.jwksMaxAge(),
                limits.jwksTimeout(),
                200,
                limits.verifiedTokens()));

    assertRejected(authenticate(authenticator, first, "user-1"), AuthFailure.KEYS_UNAVAILABLE);
  }

  @Test
  void after_an_hour_the_set_is_refreshed_and_a_withdrawn_key_stops_verifying() throws IOException {
    JwksServer jwks = serving(first, second);
    JwtAuthenticator authenticator = firebaseWith(jwks);
    authenticate(authenticator, first, "user-1");

    jwks.publish(second);
    clock.advance(Duration.ofMinutes(59));
    assertThat(authenticate(authenticator, first, "user-2")).isEqualTo(user("user-2"));
    assertThat(jwks.fetches()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    assertRejected(authenticate(authenticator, first, "user-3"), AuthFailure.UNKNOWN_KEY);
    assertThat(authenticate(authenticator, second, "user-4")).isEqualTo(user("user-4"));
    assertThat(jwks.fetches()).isEqualTo(2);
  }

  @Test
  void each_issuer_has_its_own_keys_and_its_own_refresh_budget() throws IOException {
    JwksServer firebaseJwks = serving(first);
    JwksServer cognitoJwks = serving(key("cg-1"));
    JwtAuthenticator authenticator =
        JwtAuthenticator.builder(clock)
            .firebase(Tokens.PROJECT, firebaseJwks.url())
            .cognito(Tokens.COGNITO_ISSUER, Tokens.CLIENT_ID, cognitoJwks.url())
            .build();

    assertRejected(authenticate(authenticator, key("cg-1"), "user-1"), AuthFailure.UNKNOWN_KEY);
    String cognitoToken = signed(key("cg-1"), Tokens.cognitoId(clock.instant(), "sub-1"));
    assertThat(authenticator.authenticate(bearer(cognitoToken)))
        .isEqualTo(new AuthOutcome.Authenticated("sub-1", "cognito"));
    String signedWithFirebaseKey = signed(first, Tokens.cognitoId(clock.instant(), "sub-2"));
    assertRejected(
        authenticator.authenticate(bearer(signedWithFirebaseKey)), AuthFailure.UNKNOWN_KEY);

    assertThat(firebaseJwks.fetches()).isEqualTo(1);
    assertThat(cognitoJwks.fetches()).isEqualTo(1);
  }
}
