package com.syncwell.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Cheap metadata of one record at a provider, as listings return it: enough to decide whether the
 * record needs fetching, without its payload.
 *
 * @param provider the provider id ({@code fitbit}, {@code strava}, ...)
 * @param recordId the provider's id of the record
 * @param start local start (daily records: the start of the day)
 * @param end local end (daily records: the start of the next day)
 * @param lastModified when the provider last changed it, where the provider says
 * @param sizeHintBytes the expected size of a fetch, 0 when unknown
 * @param sport the sport type of a workout
 * @param provenanceMarker a marker SyncWell left when it wrote the record (e.g. Strava's {@code
 *     external_id}), so that a sync never echoes its own writes back
 */
public record RecordRef(
    String provider,
    String recordId,
    DataType dataType,
    OffsetDateTime start,
    OffsetDateTime end,
    Optional<Instant> lastModified,
    long sizeHintBytes,
    Optional<SportType> sport,
    Optional<String> provenanceMarker) {

  public RecordRef {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(recordId, "recordId");
    if (recordId.isEmpty()) {
      throw new IllegalArgumentException("record id must not be empty");
    }
    Objects.requireNonNull(dataType, "dataType");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("a record ends at or after its start");
    }
    Objects.requireNonNull(lastModified, "lastModified");
    if (sizeHintBytes < 0) {
      throw new IllegalArgumentException("size hint must not be negative");
    }
    Objects.requireNonNull(sport, "sport");
    Objects.requireNonNull(provenanceMarker, "provenanceMarker");
  }
}
