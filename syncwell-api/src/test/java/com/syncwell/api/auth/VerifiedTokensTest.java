package com.syncwell.api.auth;

import static com.syncwell.api.auth.Tokens.bearer;
import static com.syncwell.api.auth.Tokens.key;
import static com.syncwell.api.auth.Tokens.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.syncwell.testkit.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Repeated tokens are answered from memory, never past their {@code exp}. */
class VerifiedTokensTest {
  private final MutableClock clock = MutableClock.startingAtNewYear();
  private final RSAKey first = key("fb-1");
  private final RSAKey second = key("fb-2");
  private JwksServer jwks;

  @BeforeEach
  void start_jwks() throws IOException {
    jwks = JwksServer.publishing(first);
  }

  @AfterEach
  void stop_jwks() {
    jwks.close();
  }

  private JwtAuthenticator authenticator(long rememberedTokens) {
    AuthLimits d = AuthLimits.defaults();
    return JwtAuthenticator.builder(clock)
        .firebase(Tokens.PROJECT, jwks.url())
        .limits(
            new AuthLimits(
                d.maxTokenLength(),
                d.clockSkew(),
                d.jwksRefreshInterval(),
                d.jwksMaxAge(),
                d.jwksTimeout(),
                d.jwksMaxBytes(),
                rememberedTokens))
        .build();
  }

  private String token(String uid, Duration ttl) {
    Instant now = clock.instant();
    return signed(first, Tokens.firebase(now, uid).expirationTime(Date.from(now.plus(ttl))));
  }

  @Test
  void a_second_authentication_of_the_same_token_does_no_verification() {
    JwtAuthenticator authenticator = authenticator(100_000);
    String token = bearer(token("user-1", Duration.ofHours(3)));

    AuthOutcome first = authenticator.authenticate(token);
    AuthOutcome again = authenticator.authenticate(token);

    assertThat(again)
        .isEqualTo(first)
        .isEqualTo(new AuthOutcome.Authenticated("user-1", "firebase"));
    assertThat(authenticator.verifications()).isEqualTo(1);
  }

  @Test
  void a_remembered_token_needs_neither_keys_nor_a_fetch_after_its_key_rotated_away() {
    JwtAuthenticator authenticator = authenticator(100_000);
    String remembered = bearer(token("user-1", Duration.ofHours(3)));
    String fresh = bearer(token("user-2", Duration.ofHours(3)));
    authenticator.authenticate(remembered);

    jwks.publish(second);
    clock.advance(Duration.ofMinutes(61)); // stale: a verification would refetch and lose fb-1

    assertThat(authenticator.authenticate(remembered))
        .isEqualTo(new AuthOutcome.Authenticated("user-1", "firebase"));
    assertThat(jwks.fetches()).isEqualTo(1);
    assertThat(authenticator.authenticate(fresh))
        .isInstanceOfSatisfying(
            AuthOutcome.Rejected.class,
            r -> assertThat(r.failure()).isEqualTo(AuthFailure.UNKNOWN_KEY));
    assertThat(jwks.fetches()).isEqualTo(2);
  }

  @Test
  void a_remembered_token_is_forgotten_at_its_exp_and_then_refused_beyond_the_skew() {
    JwtAuthenticator authenticator = authenticator(100_000);
    String token = bearer(token("user-1", Duration.ofMinutes(10)));
    authenticator.authenticate(token);

    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    authenticator.authenticate(token);
    assertThat(authenticator.verifications()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1)); // at exp: verified again (accepted within the skew)
    assertThat(authenticator.authenticate(token))
        .isEqualTo(new AuthOutcome.Authenticated("user-1", "firebase"));
    assertThat(authenticator.verifications()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(60));
    assertThat(authenticator.authenticate(token))
        .isInstanceOfSatisfying(
            AuthOutcome.Rejected.class,
            r -> assertThat(r.failure()).isEqualTo(AuthFailure.TOKEN_EXPIRED));
    assertThat(authenticator.verifications()).isEqualTo(3);
  }

  @Test
  void the_store_entry_itself_expires_at_exp() {
    VerifiedTokens verified = new VerifiedTokens(clock, 10);
    AuthOutcome.Authenticated outcome = new AuthOutcome.Authenticated("user-1", "firebase");
    verified.remember("a.b.c", outcome, clock.instant().plusSeconds(30));

    clock.advance(Duration.ofSeconds(29));
    assertThat(verified.find("a.b.c")).contains(outcome);
    clock.advance(Duration.ofSeconds(1));
    assertThat(verified.find("a.b.c")).isEmpty();
    assertThat(verified.size()).isZero();
  }

  @Test
  void an_already_expired_token_is_not_remembered() {
    VerifiedTokens verified = new VerifiedTokens(clock, 10);

    verified.remember(
        "a.b.c",
        new AuthOutcome.Authenticated("user-1", "firebase"),
        clock.instant().minusSeconds(1));

    assertThat(verified.find("a.b.c")).isEmpty();
  }

  @Test
  void rejections_are_not_remembered() {
    JwtAuthenticator authenticator = authenticator(100_000);
    String wrongAudience =
        bearer(signed(first, Tokens.firebase(clock.instant(), "user-1").audience("other")));

    authenticator.authenticate(wrongAudience);
    authenticator.authenticate(wrongAudience);

    assertThat(authenticator.verifications()).isEqualTo(2);
  }

  @Test
  void the_memory_is_bounded() {
    VerifiedTokens verified = new VerifiedTokens(clock, 3);
    for (int i = 0; i < 50; i++) {
      verified.remember(
          "token-" + i,
          new AuthOutcome.Authenticated("user-" + i, "firebase"),
          clock.instant().plusSeconds(600));
    }

    assertThat(verified.size()).isLessThanOrEqualTo(3);
  }

  @Test
  void with_no_memory_every_request_is_verified() {
    JwtAuthenticator authenticator = authenticator(0);
    String token = bearer(token("user-1", Duration.ofHours(1)));

    authenticator.authenticate(token);
    authenticator.authenticate(token);

    assertThat(authenticator.verifications()).isEqualTo(2);
  }
}
