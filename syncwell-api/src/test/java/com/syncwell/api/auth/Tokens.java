package com.syncwell.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens as Firebase and Cognito mint them, signed in the test with RSA keys of its own (Nimbus),
 * independent of the code under test.
 */
final class Tokens {
  static final String PROJECT = "syncwell-test";
  static final String FIREBASE_ISSUER = "https://securetoken.google.com/" + PROJECT;
  static final String COGNITO_ISSUER =
      "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_Test1234";
  static final String CLIENT_ID = "4example7clientid";

  private static final Map<String, RSAKey> KEYS = new ConcurrentHashMap<>();

  private Tokens() {}

  /** An RSA-2048 signing key with this kid; one per kid for the whole test run (slow to make). */
  static RSAKey key(String kid) {
    return KEYS.computeIfAbsent(
        kid,
        k -> {
          try {
            return new RSAKeyGenerator(2048)
                .keyID(k)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .generate();
          } catch (JOSEException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Claims of a Firebase ID token of {@code uid}, issued now, valid for an hour. */
  static JWTClaimsSet.Builder firebase(Instant now, String uid) {
    return new JWTClaimsSet.Builder()
        .issuer(FIREBASE_ISSUER)
        .audience(PROJECT)
        .subject(uid)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
        .claim("auth_time", now.getEpochSecond())
        .claim("user_id", uid);
  }

  /** Claims of a Cognito ID token of user {@code sub}, issued now, valid for an hour. */
  static JWTClaimsSet.Builder cognitoId(Instant now, String sub) {
    return new JWTClaimsSet.Builder()
        .issuer(COGNITO_ISSUER)
        .audience(CLIENT_ID)
        .subject(sub)
        .claim("token_use", "id")
        .claim("cognito:username", sub)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
  }

  /** Claims of a Cognito access token of user {@code sub}, issued now, valid for an hour. */
  static JWTClaimsSet.Builder cognitoAccess(Instant now, String sub) {
    return new JWTClaimsSet.Builder()
        .issuer(COGNITO_ISSUER)
        .subject(sub)
        .claim("token_use", "access")
        .claim("client_id", CLIENT_ID)
        .claim("scope", "openid")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
  }

  /** RS256 with the key's kid. */
  static String signed(RSAKey key, JWTClaimsSet.Builder claims) {
    return signed(
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID(key.getKeyID())
            .type(JOSEObjectType.JWT)
            .build(),
        key,
        claims);
  }

  static String signed(JWSHeader header, RSAKey key, JWTClaimsSet.Builder claims) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Base64url of raw JSON, for hand-made tokens. */
  static String part(String json) {
    return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }
}
