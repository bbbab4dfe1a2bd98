package com.syncwell.engine.account;

/** The caller has no connection with this id (another user's counts as none). */
public record ConnectionNotFound(String connectionId)
    implements Refusal, PairRefusal, GetConnectionOutcome, DeleteConnectionOutcome {
  @Override
  public String code() {
    return "connection_not_found";
  }
}
