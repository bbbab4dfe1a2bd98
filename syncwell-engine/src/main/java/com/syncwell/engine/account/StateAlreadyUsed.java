package com.syncwell.engine.account;

/** The OAuth {@code state} already completed an authorization (a replay); start again. */
public record StateAlreadyUsed() implements Refusal, CompleteAuthorizationOutcome {
  @Override
  public String code() {
    return "state_already_used";
  }
}
