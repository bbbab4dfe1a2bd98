package com.syncwell.engine.account;

import com.syncwell.engine.store.ExportStore;
import com.syncwell.engine.store.ProfileStore;
import java.util.Objects;

/**
 * {@code POST /v1/export-jobs}: records a request for an export of everything SyncWell keeps about
 * the caller (GDPR Art. 15 and 20), kept {@link ExportStore#RETENTION}. Nothing is copied: {@link
 * GetExport} assembles the document from the table when it is fetched, so the request is ready at
 * once. Not idempotent by itself (each call is a new request); the HTTP layer's required {@code
 * Idempotency-Key} keeps a retried request from making two. Refused while the account is being
 * erased ({@link AccountBeingErased}).
 */
public final class RequestExport {
  private final ProfileStore profiles;
  private final ExportStore exports;

  public RequestExport(ProfileStore profiles, ExportStore exports) {
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.exports = Objects.requireNonNull(exports, "exports");
  }

  /**
   * @param userId the caller, from the token
   */
  public RequestExportOutcome request(String userId) {
    if (!FieldRules.isId(userId)) {
      throw new IllegalArgumentException("not a user id");
    }
    if (profiles.getOrCreate(userId).isBeingErased()) {
      return new AccountBeingErased();
    }
    return new ExportRequested(exports.create(userId));
  }
}
