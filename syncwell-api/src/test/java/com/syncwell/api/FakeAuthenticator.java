package com.syncwell.api;

import com.syncwell.api.auth.AuthFailure;
import com.syncwell.api.auth.AuthOutcome;
import com.syncwell.api.auth.Authenticator;

/** Test tokens: {@code Bearer user-a} is user {@code user-a}; anything else is refused. */
final class FakeAuthenticator implements Authenticator {
  @Override
  public AuthOutcome authenticate(String header) {
    if (header == null || !header.startsWith("Bearer ")) {
      return new AuthOutcome.Rejected(AuthFailure.MISSING_TOKEN, "A bearer token is required.");
    }
    String token = header.substring("Bearer ".length());
    if (token.equals("keys-down")) {
      return new AuthOutcome.Rejected(
          AuthFailure.KEYS_UNAVAILABLE, "The issuer's signing keys cannot be fetched.");
    }
    if (!token.matches("user-[a-z0-9]{1,20}")) {
      return new AuthOutcome.Rejected(AuthFailure.MALFORMED_TOKEN, "The token is malformed.");
    }
    return new AuthOutcome.Authenticated(token, "dev");
  }
}
