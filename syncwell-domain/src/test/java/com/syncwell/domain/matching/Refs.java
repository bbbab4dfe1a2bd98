package com.syncwell.domain.matching;

import com.syncwell.domain.DataType;
import com.syncwell.domain.RecordRef;
import com.syncwell.domain.SportType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Record refs for matching tests: only what matching reads is set. */
final class Refs {
  private Refs() {}

  static RecordRef workout(String id, SportType sport, String start, Duration length) {
    return workout(id, Optional.of(sport), OffsetDateTime.parse(start), length);
  }

  static RecordRef workout(String id, SportType sport, OffsetDateTime start, Duration length) {
    return workout(id, Optional.of(sport), start, length);
  }

  static RecordRef workout(
      String id, Optional<SportType> sport, OffsetDateTime start, Duration length) {
    return new RecordRef(
        "p",
        id,
        DataType.WORKOUT,
        start,
        start.plus(length),
        Optional.empty(),
        0,
        sport,
        Optional.empty());
  }

  static RecordRef run(String id, String start, Duration length) {
    return workout(id, SportType.RUNNING, start, length);
  }

  static RecordRef timed(String id, DataType type, String start, String end) {
    return new RecordRef(
        "p",
        id,
        type,
        OffsetDateTime.parse(start),
        OffsetDateTime.parse(end),
        Optional.empty(),
        0,
        Optional.empty(),
        Optional.empty());
  }

  static RecordRef daily(String id, DataType type, LocalDate date, ZoneOffset offset) {
    OffsetDateTime start = date.atStartOfDay().atOffset(offset);
    return new RecordRef(
        "p",
        id,
        type,
        start,
        start.plusDays(1),
        Optional.empty(),
        0,
        Optional.empty(),
        Optional.empty());
  }

  static RecordRef modified(RecordRef ref, String lastModified) {
    return withLastModified(ref, Optional.of(Instant.parse(lastModified)));
  }

  static RecordRef withLastModified(RecordRef ref, Optional<Instant> lastModified) {
    return new RecordRef(
        ref.provider(),
        ref.recordId(),
        ref.dataType(),
        ref.start(),
        ref.end(),
        lastModified,
        ref.sizeHintBytes(),
        ref.sport(),
        ref.provenanceMarker());
  }

  static RecordRef withId(RecordRef ref, String provider, String id) {
    return new RecordRef(
        provider,
        id,
        ref.dataType(),
        ref.start(),
        ref.end(),
        ref.lastModified(),
        ref.sizeHintBytes(),
        ref.sport(),
        ref.provenanceMarker());
  }

  /** The same ref moved by {@code shift} on the time line, offsets kept. */
  static RecordRef shifted(RecordRef ref, Duration shift) {
    return new RecordRef(
        ref.provider(),
        ref.recordId(),
        ref.dataType(),
        ref.start().plus(shift),
        ref.end().plus(shift),
        ref.lastModified(),
        ref.sizeHintBytes(),
        ref.sport(),
        ref.provenanceMarker());
  }
}
