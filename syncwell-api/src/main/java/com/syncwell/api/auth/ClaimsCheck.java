package com.syncwell.api.auth;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/**
 * The claims check of one issuer's Nimbus processor, run after the signature verified: issuer,
 * {@code exp} (required), {@code nbf} (optional), {@code iat} (required), each against the injected
 * clock with a bounded skew, then the issuer's audience rules and a usable subject. Each refusal is
 * a {@link TokenRefused} with its own {@link AuthFailure}. Stateless; safe for concurrent use.
 */
final class ClaimsCheck implements JWTClaimsSetVerifier<SecurityContext> {
  private final TrustedIssuer issuer;
  private final Clock clock;
  private final Duration skew;

  ClaimsCheck(TrustedIssuer issuer, Clock clock, Duration skew) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.skew = Objects.requireNonNull(skew, "skew");
  }

  @Override
  public void verify(JWTClaimsSet claims, SecurityContext context) throws TokenRefused {
    if (!issuer.issuer().equals(claims.getIssuer())) {
      throw new TokenRefused(AuthFailure.UNKNOWN_ISSUER, "The token's issuer is not accepted.");
    }
    Instant now = clock.instant();
    Date expires = claims.getExpirationTime();
    if (expires == null) {
      throw new TokenRefused(AuthFailure.TOKEN_EXPIRED, "The token has no expiry time.");
    }
    if (!now.isBefore(expires.toInstant().plus(skew))) {
      throw new TokenRefused(AuthFailure.TOKEN_EXPIRED, "The token expired.");
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && notBefore.toInstant().minus(skew).isAfter(now)) {
      throw new TokenRefused(AuthFailure.TOKEN_NOT_YET_VALID, "The token is not valid yet.");
    }
    Date issued = claims.getIssueTime();
    if (issued == null) {
      throw new TokenRefused(AuthFailure.ISSUED_IN_FUTURE, "The token has no issue time.");
    }
    if (issued.toInstant().minus(skew).isAfter(now)) {
      throw new TokenRefused(AuthFailure.ISSUED_IN_FUTURE, "The token was issued in the future.");
    }
    issuer.checkAudience(claims);
    if (issuer.userId(claims).isEmpty()) {
      throw new TokenRefused(AuthFailure.MISSING_SUBJECT, "The token names no usable subject.");
    }
  }
}
