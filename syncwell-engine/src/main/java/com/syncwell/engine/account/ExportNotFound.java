package com.syncwell.engine.account;

/**
 * The caller has no export with this id (another user's, or one past its 7-day retention, counts as
 * none).
 */
public record ExportNotFound(String exportId) implements Refusal, GetExportOutcome {
  @Override
  public String code() {
    return "export_not_found";
  }
}
