package com.syncwell.api.auth;

import com.nimbusds.jwt.proc.BadJWTException;

/**
 * Thrown inside a Nimbus processor (type and claims checks) to carry a precise {@link AuthFailure}
 * out of it; {@link JwtAuthenticator} turns it into an {@link AuthOutcome.Rejected}. The message is
 * the rejection's detail and never quotes the token.
 */
final class TokenRefused extends BadJWTException {
  private final AuthFailure failure;

  TokenRefused(AuthFailure failure, String detail) {
    super(detail);
    this.failure = failure;
  }

  AuthFailure failure() {
    return failure;
  }

  /** Refusals are expected and frequent under attack: no stack trace to fill. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }

  AuthOutcome.Rejected rejection() {
    return new AuthOutcome.Rejected(failure, getMessage());
  }
}
