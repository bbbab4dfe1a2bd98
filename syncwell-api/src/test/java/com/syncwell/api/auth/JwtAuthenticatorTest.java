package com.syncwell.api.auth;

import static com.syncwell.api.auth.Tokens.bearer;
import static com.syncwell.api.auth.Tokens.key;
import static com.syncwell.api.auth.Tokens.part;
import static com.syncwell.api.auth.Tokens.signed;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.syncwell.testkit.MutableClock;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class JwtAuthenticatorTest {
  private final MutableClock clock = MutableClock.startingAtNewYear();
  private final RSAKey firebaseKey = key("fb-1");
  private final RSAKey cognitoKey = key("cg-1");
  private JwksServer firebaseJwks;
  private JwksServer cognitoJwks;
  private JwtAuthenticator authenticator;

  @BeforeEach
  void start_both_identity_providers() throws IOException {
    firebaseJwks = JwksServer.publishing(firebaseKey);
    cognitoJwks = JwksServer.publishing(cognitoKey);
    authenticator =
        JwtAuthenticator.builder(clock)
            .firebase(Tokens.PROJECT, firebaseJwks.url())
            .cognito(Tokens.COGNITO_ISSUER, Tokens.CLIENT_ID, cognitoJwks.url())
            .build();
  }

  @AfterEach
  void stop_them() {
    firebaseJwks.close();
    cognitoJwks.close();
  }

  private Instant now() {
    return clock.instant();
  }

  private AuthOutcome authenticate(String token) {
    return authenticator.authenticate(bearer(token));
  }

  private String firebase(JWTClaimsSet.Builder claims) {
    return signed(firebaseKey, claims);
  }

  private String cognito(JWTClaimsSet.Builder claims) {
    return signed(cognitoKey, claims);
  }

  private static void assertAuthenticated(AuthOutcome outcome, String userId, String issuer) {
    assertThat(outcome).isEqualTo(new AuthOutcome.Authenticated(userId, issuer));
  }

  private static void assertRejected(AuthOutcome outcome, AuthFailure failure) {
    assertThat(outcome)
        .isInstanceOfSatisfying(
            AuthOutcome.Rejected.class,
            rejected -> {
              assertThat(rejected.failure()).isEqualTo(failure);
              assertThat(rejected.detail()).isNotBlank();
            });
  }

  // --- accepted tokens -------------------------------------------------------------------------

  @Test
  void a_firebase_id_token_names_its_subject_as_the_user() {
    assertAuthenticated(
        authenticate(firebase(Tokens.firebase(now(), "fb-uid-1"))), "fb-uid-1", "firebase");
  }

  @Test
  void a_cognito_id_token_without_a_firebase_uid_names_its_subject() {
    assertAuthenticated(
        authenticate(cognito(Tokens.cognitoId(now(), "c0ffee00-sub"))), "c0ffee00-sub", "cognito");
  }

  @Test
  void a_cognito_access_token_of_the_client_is_accepted() {
    assertAuthenticated(
        authenticate(cognito(Tokens.cognitoAccess(now(), "c0ffee00-sub"))),
        "c0ffee00-sub",
        "cognito");
  }

  @Test
  void the_same_person_through_firebase_and_through_cognito_is_one_user() {
    AuthOutcome viaFirebase = authenticate(firebase(Tokens.firebase(now(), "person-42")));
    AuthOutcome viaCognitoId =
        authenticate(
            cognito(
                Tokens.cognitoId(now(), "5f0e-cognito-sub")
                    .claim(TrustedIssuer.FIREBASE_UID_CLAIM, "person-42")));
    AuthOutcome viaCognitoAccess =
        authenticate(
            cognito(
                Tokens.cognitoAccess(now(), "5f0e-cognito-sub")
                    .claim(TrustedIssuer.FIREBASE_UID_CLAIM, "person-42")));

    assertAuthenticated(viaFirebase, "person-42", "firebase");
    assertAuthenticated(viaCognitoId, "person-42", "cognito");
    assertAuthenticated(viaCognitoAccess, "person-42", "cognito");
  }

  @Test
  void a_blank_firebase_uid_in_cognito_falls_back_to_the_subject() {
    assertAuthenticated(
        authenticate(
            cognito(
                Tokens.cognitoId(now(), "5f0e-cognito-sub")
                    .claim(TrustedIssuer.FIREBASE_UID_CLAIM, "  "))),
        "5f0e-cognito-sub",
        "cognito");
  }

  @Test
  void the_bearer_scheme_is_case_insensitive_and_surrounding_spaces_do_not_matter() {
    String token = firebase(Tokens.firebase(now(), "fb-uid-1"));

    assertAuthenticated(
        authenticator.authenticate("  bearer   " + token + " "), "fb-uid-1", "firebase");
  }

  @Test
  void time_claims_within_sixty_seconds_of_skew_are_accepted() {
    Instant now = now();
    String justExpired =
        firebase(
            Tokens.firebase(now.minusSeconds(3600), "fb-uid-1")
                .expirationTime(Date.from(now.minusSeconds(59))));
    String notBeforeSoon =
        firebase(Tokens.firebase(now, "fb-uid-1").notBeforeTime(Date.from(now.plusSeconds(59))));
    String issuedSoon =
        firebase(Tokens.firebase(now, "fb-uid-1").issueTime(Date.from(now.plusSeconds(59))));

    assertThat(List.of(justExpired, notBeforeSoon, issuedSoon))
        .allSatisfy(t -> assertAuthenticated(authenticate(t), "fb-uid-1", "firebase"));
  }

  // --- refused tokens --------------------------------------------------------------------------

  @Test
  void no_header_or_another_scheme_or_an_empty_bearer_is_a_missing_token() {
    for (String header :
        new String[] {null, "", "Basic dXNlcjpwYXNz", "Bearer", "Bearer   ", "x"}) {
      assertRejected(authenticator.authenticate(header), AuthFailure.MISSING_TOKEN);
    }
  }

  @Test
  void alg_none_is_refused_as_an_unsupported_algorithm() {
    String payload = Tokens.firebase(now(), "fb-uid-1").build().toString();
    String unsigned = part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + part(payload) + ".";
    String noneWithSignature =
        part("{\"alg\":\"none\"}") + "." + part(payload) + "." + part("signature");

    assertRejected(authenticate(unsigned), AuthFailure.UNSUPPORTED_ALGORITHM);
    assertRejected(authenticate(noneWithSignature), AuthFailure.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void hs256_signed_with_the_public_key_bytes_is_refused_before_any_key_is_fetched()
      throws JOSEException {
    SignedJWT confused =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(firebaseKey.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            Tokens.firebase(now(), "fb-uid-1").build());
    confused.sign(new MACSigner(firebaseKey.toRSAPublicKey().getEncoded()));

    assertRejected(authenticate(confused.serialize()), AuthFailure.UNSUPPORTED_ALGORITHM);
    assertThat(firebaseJwks.fetches()).isZero();
  }

  @Test
  void other_rsa_and_ec_algorithms_are_refused_too() {
    String ps256 =
        signed(
            new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(firebaseKey.getKeyID()).build(),
            firebaseKey,
            Tokens.firebase(now(), "fb-uid-1"));
    String es256Header =
        part("{\"alg\":\"ES256\",\"kid\":\"fb-1\"}")
            + "."
            + part(Tokens.firebase(now(), "fb-uid-1").build().toString())
            + "."
            + part("sig");

    assertRejected(authenticate(ps256), AuthFailure.UNSUPPORTED_ALGORITHM);
    assertRejected(authenticate(es256Header), AuthFailure.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void a_token_of_an_issuer_not_enabled_is_refused_without_a_fetch() {
    String otherProject =
        firebase(Tokens.firebase(now(), "fb-uid-1").issuer("https://securetoken.google.com/x"));
    String noIssuer = firebase(Tokens.firebase(now(), "fb-uid-1").issuer(null));

    assertRejected(authenticate(otherProject), AuthFailure.UNKNOWN_ISSUER);
    assertRejected(authenticate(noIssuer), AuthFailure.UNKNOWN_ISSUER);
    assertThat(firebaseJwks.fetches()).isZero();
  }

  @Test
  void a_firebase_token_of_another_project_audience_is_refused() {
    assertRejected(
        authenticate(firebase(Tokens.firebase(now(), "fb-uid-1").audience("other-project"))),
        AuthFailure.WRONG_AUDIENCE);
  }

  @Test
  void a_cognito_id_token_of_another_client_is_refused() {
    assertRejected(
        authenticate(cognito(Tokens.cognitoId(now(), "sub-1").audience("another-client"))),
        AuthFailure.WRONG_AUDIENCE);
  }

  @Test
  void a_cognito_access_token_of_another_client_is_refused() {
    assertRejected(
        authenticate(cognito(Tokens.cognitoAccess(now(), "sub-1").claim("client_id", "other"))),
        AuthFailure.WRONG_AUDIENCE);
    assertRejected(
        authenticate(cognito(Tokens.cognitoAccess(now(), "sub-1").claim("client_id", null))),
        AuthFailure.WRONG_AUDIENCE);
  }

  @Test
  void a_cognito_token_that_is_neither_id_nor_access_is_a_wrong_token_use() {
    assertRejected(
        authenticate(cognito(Tokens.cognitoId(now(), "sub-1").claim("token_use", "refresh"))),
        AuthFailure.WRONG_TOKEN_USE);
    assertRejected(
        authenticate(cognito(Tokens.cognitoId(now(), "sub-1").claim("token_use", null))),
        AuthFailure.WRONG_TOKEN_USE);
  }

  @Test
  void an_expired_token_or_one_without_exp_is_refused_as_expired() {
    Instant now = now();
    String expired =
        firebase(
            Tokens.firebase(now.minusSeconds(7200), "fb-uid-1")
                .expirationTime(Date.from(now.minusSeconds(61))));
    String noExp = firebase(Tokens.firebase(now, "fb-uid-1").expirationTime(null));

    assertRejected(authenticate(expired), AuthFailure.TOKEN_EXPIRED);
    assertRejected(authenticate(noExp), AuthFailure.TOKEN_EXPIRED);
  }

  @Test
  void a_token_not_valid_before_more_than_a_minute_from_now_is_not_yet_valid() {
    assertRejected(
        authenticate(
            firebase(
                Tokens.firebase(now(), "fb-uid-1")
                    .notBeforeTime(Date.from(now().plusSeconds(61))))),
        AuthFailure.TOKEN_NOT_YET_VALID);
  }

  @Test
  void a_token_issued_in_the_future_or_without_iat_is_refused() {
    assertRejected(
        authenticate(
            firebase(
                Tokens.firebase(now(), "fb-uid-1").issueTime(Date.from(now().plusSeconds(61))))),
        AuthFailure.ISSUED_IN_FUTURE);
    assertRejected(
        authenticate(firebase(Tokens.firebase(now(), "fb-uid-1").issueTime(null))),
        AuthFailure.ISSUED_IN_FUTURE);
  }

  @Test
  void a_token_without_a_usable_subject_is_refused() {
    assertRejected(
        authenticate(firebase(Tokens.firebase(now(), "x").subject(null))),
        AuthFailure.MISSING_SUBJECT);
    assertRejected(
        authenticate(firebase(Tokens.firebase(now(), "x").subject(" "))),
        AuthFailure.MISSING_SUBJECT);
    assertRejected(
        authenticate(firebase(Tokens.firebase(now(), "USER#other"))), AuthFailure.MISSING_SUBJECT);
    assertRejected(
        authenticate(firebase(Tokens.firebase(now(), "a".repeat(129)))),
        AuthFailure.MISSING_SUBJECT);
    assertRejected(
        authenticate(cognito(Tokens.cognitoId(now(), null))), AuthFailure.MISSING_SUBJECT);
  }

  @Test
  void an_unusable_firebase_uid_in_cognito_does_not_fall_back_to_another_user() {
    assertRejected(
        authenticate(
            cognito(
                Tokens.cognitoId(now(), "5f0e-cognito-sub")
                    .claim(TrustedIssuer.FIREBASE_UID_CLAIM, "bad#uid"))),
        AuthFailure.MISSING_SUBJECT);
  }

  @Test
  void a_token_over_eight_kib_is_refused_before_parsing_even_when_validly_signed() {
    String huge = firebase(Tokens.firebase(now(), "fb-uid-1").claim("pad", "p".repeat(8 * 1024)));

    assertRejected(authenticate(huge), AuthFailure.TOKEN_TOO_LARGE);
    assertRejected(
        authenticator.authenticate("Bearer " + "x".repeat(1024 * 1024)),
        AuthFailure.TOKEN_TOO_LARGE);
    assertThat(firebaseJwks.fetches()).isZero();
    assertThat(authenticator.verifications()).isZero();
  }

  @Test
  void tokens_that_are_not_compact_jws_are_malformed() {
    String good = firebase(Tokens.firebase(now(), "fb-uid-1"));
    String[] parts = good.split("\\.");
    List<String> malformed =
        List.of(
            "abc",
            "a.b",
            ".b.c",
            good + ".extra.parts",
            good.replace('.', '!'),
            "é" + good,
            part("not json") + "." + parts[1] + "." + parts[2],
            part("{\"kid\":\"fb-1\"}") + "." + parts[1] + "." + parts[2],
            parts[0] + "." + part("[1,2,3]") + "." + parts[2],
            parts[0] + "." + part("{\"iss\":42}") + "." + parts[2],
            parts[0] + "." + part("[".repeat(5000)) + "." + parts[2],
            parts[0] + "." + part("{\"a\":".repeat(800) + "1" + "}".repeat(800)) + "." + parts[2],
            part("{\"alg\":\"RS256\",\"x\":" + "[".repeat(5000)) + "." + parts[1] + "." + parts[2]);

    assertThat(malformed)
        .allSatisfy(token -> assertRejected(authenticate(token), AuthFailure.MALFORMED_TOKEN));
  }

  @Test
  void a_header_typ_other_than_jwt_is_refused() {
    String typed =
        signed(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(firebaseKey.getKeyID())
                .type(new JOSEObjectType("secevent+jwt"))
                .build(),
            firebaseKey,
            Tokens.firebase(now(), "fb-uid-1"));

    assertRejected(authenticate(typed), AuthFailure.MALFORMED_TOKEN);
  }

  @Test
  void a_signature_by_another_key_under_a_known_kid_does_not_verify() {
    RSAKey impostor = key("impostor");
    String forged =
        signed(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(firebaseKey.getKeyID()).build(),
            impostor,
            Tokens.firebase(now(), "fb-uid-1"));

    assertRejected(authenticate(forged), AuthFailure.INVALID_SIGNATURE);
  }

  @Test
  void a_tampered_payload_does_not_verify() {
    String[] parts = firebase(Tokens.firebase(now(), "fb-uid-1")).split("\\.");
    String otherUser = part(Tokens.firebase(now(), "someone-else").build().toString());

    assertRejected(
        authenticate(parts[0] + "." + otherUser + "." + parts[2]), AuthFailure.INVALID_SIGNATURE);
  }

  @Test
  void a_kid_the_issuer_does_not_publish_is_an_unknown_key() {
    assertRejected(
        authenticate(signed(key("never-published"), Tokens.firebase(now(), "fb-uid-1"))),
        AuthFailure.UNKNOWN_KEY);
  }

  @Test
  void a_signature_check_comes_before_any_claim_check() {
    String forgedAndExpired =
        signed(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(firebaseKey.getKeyID()).build(),
            key("impostor"),
            Tokens.firebase(now(), "fb-uid-1").expirationTime(Date.from(now().minusSeconds(600))));

    assertRejected(authenticate(forgedAndExpired), AuthFailure.INVALID_SIGNATURE);
  }

  @Test
  void no_detail_and_no_log_line_ever_contains_the_token() {
    Logger logger = (Logger) LoggerFactory.getLogger("com.syncwell.api.auth");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level before = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    logger.addAppender(appender);
    try {
      String forged =
          signed(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(firebaseKey.getKeyID()).build(),
              key("impostor"),
              Tokens.firebase(now(), "secret-uid"));
      List<String> tokens =
          List.of(
              forged,
              firebase(Tokens.firebase(now(), "secret-uid").audience("x")),
              firebase(Tokens.firebase(now(), "secret-uid")),
              part("{\"alg\":\"none\"}") + "." + part("{\"sub\":\"secret-uid\"}") + ".");
      List<String> details = new ArrayList<>();
      for (String token : tokens) {
        if (authenticate(token) instanceof AuthOutcome.Rejected rejected) {
          details.add(rejected.detail());
        }
      }
      String payload = forged.split("\\.")[1];

      assertThat(details).hasSize(3).noneMatch(d -> d.contains(payload) || d.contains("secret"));
      assertThat(appender.list)
          .isNotEmpty()
          .extracting(ILoggingEvent::getFormattedMessage)
          .noneMatch(m -> m.contains(payload) || m.contains("secret-uid"));
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(before);
    }
  }

  @Test
  void ten_thousand_random_headers_never_throw_and_never_name_another_user() {
    Random random = new Random(20260101);
    String good = firebase(Tokens.firebase(now(), "fb-uid-1"));
    String alphabet = "ABCxyz019-_.=+/ \t\"{}:é\u0000";
    for (int i = 0; i < 10_000; i++) {
      String header =
          switch (random.nextInt(4)) {
            case 0 -> "Bearer " + randomString(random, alphabet, random.nextInt(200));
            case 1 -> "Bearer " + mutate(random, good);
            case 2 -> randomString(random, alphabet, random.nextInt(50));
            default ->
                "Bearer "
                    + part(randomString(random, alphabet, random.nextInt(40)))
                    + "."
                    + part(randomString(random, alphabet, random.nextInt(40)))
                    + "."
                    + part(randomString(random, alphabet, random.nextInt(10)));
          };

      // A changed padding bit at the end of a part decodes to the same bytes: still the same user.
      assertThat(authenticator.authenticate(header))
          .as("header #%d", i)
          .satisfiesAnyOf(
              outcome -> assertThat(outcome).isInstanceOf(AuthOutcome.Rejected.class),
              outcome ->
                  assertThat(outcome)
                      .isEqualTo(new AuthOutcome.Authenticated("fb-uid-1", "firebase")));
    }
  }

  private static String randomString(Random random, String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /** The valid token with one character changed to another base64url character (or a dot). */
  private static String mutate(Random random, String token) {
    char[] chars = token.toCharArray();
    int at = random.nextInt(chars.length);
    String replacements = "AQgwBRhx019-_.";
    char replacement;
    do {
      replacement = replacements.charAt(random.nextInt(replacements.length()));
    } while (replacement == chars[at]);
    chars[at] = replacement;
    return new String(chars);
  }

  @Test
  void an_authenticated_outcome_does_not_print_the_user_id() {
    assertThat(authenticate(firebase(Tokens.firebase(now(), "fb-uid-1"))).toString())
        .doesNotContain("fb-uid-1");
  }
}
