package com.syncwell.engine.account;

/**
 * A historical sync (a backfill of a date range) was asked for; the engine syncs from each config's
 * cursor and cannot yet honour a window.
 */
public record HistoricalNotSupported() implements Refusal, RequestSyncOutcome {
  @Override
  public String code() {
    return "historical_not_supported";
  }
}
