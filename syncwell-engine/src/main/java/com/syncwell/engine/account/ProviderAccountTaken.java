package com.syncwell.engine.account;

/**
 * The provider account is connected to another user of SyncWell; nothing was connected. Says
 * nothing about who.
 */
public record ProviderAccountTaken() implements Refusal, CompleteAuthorizationOutcome {
  @Override
  public String code() {
    return "provider_account_in_use";
  }
}
