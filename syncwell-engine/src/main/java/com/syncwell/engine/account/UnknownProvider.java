package com.syncwell.engine.account;

/** No provider of this id is configured in this deployment (unknown, or without credentials). */
public record UnknownProvider(String provider)
    implements Refusal, StartAuthorizationOutcome, CompleteAuthorizationOutcome {
  @Override
  public String code() {
    return "unknown_provider";
  }
}
