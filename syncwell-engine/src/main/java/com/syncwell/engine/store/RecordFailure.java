package com.syncwell.engine.store;

import java.util.Objects;

/**
 * One source record that failed in a job, with a reason the user may read. The reason names the
 * problem (a rejected sport type, a provider error code), never a health value.
 */
public record RecordFailure(String sourceItemId, String reason) {
  public RecordFailure {
    Objects.requireNonNull(sourceItemId, "sourceItemId");
    Objects.requireNonNull(reason, "reason");
  }
}
