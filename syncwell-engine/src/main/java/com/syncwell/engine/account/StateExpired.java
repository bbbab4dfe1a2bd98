package com.syncwell.engine.account;

/**
 * The OAuth {@code state} is genuine but older than its lifetime: start the authorization again.
 */
public record StateExpired() implements Refusal, StateVerdict, CompleteAuthorizationOutcome {
  @Override
  public String code() {
    return "state_expired";
  }
}
