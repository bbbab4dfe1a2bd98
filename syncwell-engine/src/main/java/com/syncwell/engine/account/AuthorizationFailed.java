package com.syncwell.engine.account;

/**
 * The provider refused the authorization code (wrong, expired or already redeemed, or a verifier
 * that does not match its challenge). Start the authorization again.
 */
public record AuthorizationFailed() implements Refusal, CompleteAuthorizationOutcome {
  @Override
  public String code() {
    return "authorization_failed";
  }
}
