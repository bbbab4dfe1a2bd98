package com.syncwell.engine.sync;

/**
 * What {@link RequestSyncOnProviderChange} did for one provider change.
 *
 * @param enqueued jobs created and enqueued now, one per matching sync config
 * @param coalesced matching configs left alone because a sync for the same connection and data type
 *     was requested within the coalescing window
 */
public record ProviderChangeSyncs(int enqueued, int coalesced) {
  public ProviderChangeSyncs {
    if (enqueued < 0 || coalesced < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** No enabled sync config reads that connection's data type: nothing to do. */
  public static ProviderChangeSyncs none() {
    return new ProviderChangeSyncs(0, 0);
  }
}
