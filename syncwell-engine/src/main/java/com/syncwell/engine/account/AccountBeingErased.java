package com.syncwell.engine.account;

/**
 * The caller's account is being erased ({@link DeleteAccount}): requests that would create or
 * change data are refused until the erasure ends, after which the next request starts a new, empty
 * account. An erasure interrupted by a crash keeps refusing until {@code DELETE /v1/users/me} is
 * sent again and finishes it.
 */
public record AccountBeingErased()
    implements Refusal,
        UpdateSettingsOutcome,
        CreateSyncConfigOutcome,
        RequestSyncOutcome,
        RequestExportOutcome {
  @Override
  public String code() {
    return "account_being_erased";
  }
}
