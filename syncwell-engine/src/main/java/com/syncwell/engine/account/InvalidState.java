package com.syncwell.engine.account;

/**
 * The OAuth {@code state} is not one this service issued for this user, provider and redirect URI
 * (malformed, tampered with, or issued for another of them). Deliberately says no more.
 */
public record InvalidState() implements Refusal, StateVerdict, CompleteAuthorizationOutcome {
  @Override
  public String code() {
    return "invalid_state";
  }
}
