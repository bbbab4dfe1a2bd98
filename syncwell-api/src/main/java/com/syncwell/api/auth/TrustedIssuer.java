package com.syncwell.api.auth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Objects;
import java.util.Optional;

/**
 * One identity provider whose tokens are accepted: its {@code iss}, the audience its tokens must
 * name, where its public keys come from, and which claim names the SyncWell user.
 *
 * @param audience Firebase: the project id; Cognito: the app client id ({@code aud} of id tokens,
 *     {@code client_id} of access tokens); dev: {@link DevIssuer#AUDIENCE}
 */
record TrustedIssuer(
    IssuerKind kind, String issuer, String audience, JWKSource<SecurityContext> keys) {

  /** Cognito's attribute holding the Firebase uid of a user who came over from Firebase. */
  static final String FIREBASE_UID_CLAIM = "custom:firebase_uid";

  private static final int MAX_USER_ID_LENGTH = 128;

  TrustedIssuer {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(keys, "keys");
  }

  /** Refuses a token whose audience (or Cognito client and token use) is not this issuer's. */
  void checkAudience(JWTClaimsSet claims) throws TokenRefused {
    if (kind != IssuerKind.COGNITO) {
      requireAudience(claims);
      return;
    }
    Object use = claims.getClaim("token_use");
    if ("id".equals(use)) {
      requireAudience(claims);
    } else if ("access".equals(use)) {
      if (!audience.equals(claims.getClaim("client_id"))) {
        throw new TokenRefused(
            AuthFailure.WRONG_AUDIENCE, "The access token was issued to another client.");
      }
    } else {
      throw new TokenRefused(
          AuthFailure.WRONG_TOKEN_USE, "Only Cognito id and access tokens are accepted.");
    }
  }

  private void requireAudience(JWTClaimsSet claims) throws TokenRefused {
    if (!claims.getAudience().contains(audience)) {
      throw new TokenRefused(
          AuthFailure.WRONG_AUDIENCE, "The token was issued for another audience.");
    }
  }

  /**
   * The SyncWell user the token names, if usable: {@code sub}, or for Cognito {@code
   * custom:firebase_uid} when present and not blank, so one person is one user through either
   * provider. Usable means what the store accepts in a key: 1 to 128 characters, no {@code #}, no
   * control characters, not blank. A present but unusable Cognito mapping does not fall back to
   * {@code sub}, which would split one person into two users.
   */
  Optional<String> userId(JWTClaimsSet claims) {
    String subject = claims.getSubject();
    if (!usable(subject)) {
      return Optional.empty();
    }
    if (kind == IssuerKind.COGNITO
        && claims.getClaim(FIREBASE_UID_CLAIM) instanceof String firebaseUid
        && !firebaseUid.isBlank()) {
      return usable(firebaseUid) ? Optional.of(firebaseUid) : Optional.empty();
    }
    return Optional.of(subject);
  }

  private static boolean usable(String id) {
    if (id == null || id.isBlank() || id.length() > MAX_USER_ID_LENGTH) {
      return false;
    }
    return id.chars().noneMatch(c -> c == '#' || Character.isISOControl(c));
  }
}
