package com.syncwell.engine.account;

import java.util.Objects;
import java.util.Optional;

/**
 * Sync a data type from one of the caller's connections to another now, through the caller's config
 * for the three when there is one, else through a new unscheduled one. Fields as received; the use
 * case validates them.
 *
 * @param mode {@code manual} or {@code historical}
 * @param dateRange only with {@code historical}
 */
public record SyncOfPair(
    String sourceConnectionId,
    String destinationConnectionId,
    String dataType,
    String mode,
    Optional<DateRange> dateRange)
    implements SyncRequest {
  public SyncOfPair {
    Objects.requireNonNull(dateRange, "dateRange");
  }
}
