package com.syncwell.engine.account;

/** Source and destination are the same connection. */
public record SameConnection() implements Refusal, PairRefusal {
  @Override
  public String code() {
    return "same_connection";
  }
}
