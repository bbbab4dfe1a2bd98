package com.syncwell.connector.fitbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.connector.ChangePage;
import com.syncwell.connector.Cursor;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.ProviderException;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.TimeWindow;
import com.syncwell.connector.files.FileReadOutcome;
import com.syncwell.connector.files.WorkoutFileCodec;
import com.syncwell.domain.DataType;
import com.syncwell.domain.HealthRecord;
import com.syncwell.domain.RecordRef;
import com.syncwell.domain.SportType;
import com.syncwell.domain.TrackPoint;
import com.syncwell.domain.UnitConversion;
import com.syncwell.domain.Workout;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exercise sessions ({@code exercise}). Listing filters on the configured member, by default {@code
 * exercise.interval.civil_start_time} (observed live: exercise accepts only civil start bounds,
 * although the docs also name {@code start_time}). Civil bounds carry no zone, so the query is
 * widened by 14 hours on each side and the points are kept by their physical start. Fetching reads
 * the point, then its samples from {@code :exportExerciseTcx?alt=media} through the TCX codec; a
 * TCX that is missing or unreadable gives the workout without samples.
 */
final class ExerciseReader implements RecordReader {
  static final String TYPE = "exercise";
  private static final Logger LOG = LoggerFactory.getLogger(ExerciseReader.class);
  private static final Duration WIDEST_OFFSET = Duration.ofHours(14);

  private final GoogleHealthApi api;
  private final WorkoutFileCodec tcx;
  private final DataPointListing listing;

  ExerciseReader(GoogleHealthApi api, WorkoutFileCodec tcx) {
    this.api = api;
    this.tcx = tcx;
    this.listing =
        new DataPointListing(
            TYPE, this::page, this::listed, api.settings().overlap(), Optional.empty());
  }

  @Override
  public ChangePage listChanges(
      ProviderSession session, Optional<Cursor> cursor, TimeWindow window) {
    return listing.list(session, cursor, window);
  }

  @Override
  public HealthRecord fetch(ProviderSession session, RecordRef ref) {
    if (ref.dataType() != DataType.WORKOUT) {
      throw new IllegalArgumentException("not a workout reference");
    }
    String path = GoogleHealthApi.dataPoint(TYPE, ref.recordId());
    JsonNode point = api.get(session, path, Map.of(), "exercise");
    Workout workout;
    try {
      workout = toWorkout(point);
    } catch (ProviderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw GoogleJson.malformed("exercise", e);
    }
    byte[] file;
    try {
      file = api.getMedia(session, path + ":exportExerciseTcx", Map.of("alt", "media"));
    } catch (Permanent e) {
      LOG.info(
          "exercise {}: no TCX export ({}); kept without samples", ref.recordId(), e.getMessage());
      return workout;
    }
    return switch (tcx.read(file)) {
      case FileReadOutcome.Read read -> {
        List<TrackPoint> samples =
            read.workout().samples().stream()
                .filter(
                    p ->
                        !p.time().isBefore(workout.start().toInstant())
                            && !p.time().isAfter(workout.end().toInstant()))
                .toList();
        yield workout.withSamples(samples);
      }
      case FileReadOutcome.Unreadable unreadable -> {
        LOG.info(
            "exercise {}: TCX export unreadable ({}); kept without samples",
            ref.recordId(),
            unreadable.reason());
        yield workout;
      }
    };
  }

  private DataPointListing.Page page(
      ProviderSession session, Instant from, Instant to, String pageToken) {
    String member = api.settings().exerciseFilterMember();
    String filter =
        member.contains("civil")
            ? GoogleFilters.civil(member, from.minus(WIDEST_OFFSET), to.plus(WIDEST_OFFSET))
            : GoogleFilters.physical(member, from, to);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("filter", filter);
    query.put("pageSize", "25");
    if (!pageToken.isEmpty()) {
      query.put("pageToken", pageToken);
    }
    return DataPointListing.listPage(
        api.get(session, GoogleHealthApi.dataPoints(TYPE), query, "exercise list"));
  }

  private Optional<DataPointListing.Listed> listed(JsonNode point) {
    JsonNode exercise = point.path("exercise");
    JsonNode interval = exercise.path("interval");
    OffsetDateTime start = GoogleJson.time(interval, "startTime", "startUtcOffset");
    OffsetDateTime end = GoogleJson.time(interval, "endTime", "endUtcOffset");
    RecordRef ref =
        new RecordRef(
            GoogleJson.PROVIDER,
            GoogleJson.lastSegment(GoogleJson.text(point, "name")),
            DataType.WORKOUT,
            start,
            end,
            GoogleJson.optionalText(exercise, "updateTime").map(Instant::parse),
            0,
            Optional.of(GoogleExerciseTypes.fromGoogle(exercise.path("exerciseType").asText(null))),
            OwnWrites.marker(
                point, api.settings().clientId(), exercise.path("notes").asText(null)));
    return Optional.of(new DataPointListing.Listed(ref, start.toInstant()));
  }

  /**
   * The summary of an exercise point in SI units: millimetres → metres (the codelab's spelling
   * {@code distanceMillimiters} accepted too), kcal → joules, {@code activeDuration} → moving time.
   */
  static Workout toWorkout(JsonNode point) {
    JsonNode exercise = point.path("exercise");
    JsonNode interval = exercise.path("interval");
    OffsetDateTime start = GoogleJson.time(interval, "startTime", "startUtcOffset");
    OffsetDateTime end = GoogleJson.time(interval, "endTime", "endUtcOffset");
    SportType sport = GoogleExerciseTypes.fromGoogle(exercise.path("exerciseType").asText(null));
    JsonNode summary = exercise.path("metricsSummary");
    Optional<Duration> moving =
        GoogleJson.optionalText(exercise, "activeDuration")
            .map(GoogleJson::duration)
            .map(
                d ->
                    d.compareTo(Duration.between(start, end)) > 0
                        ? Duration.between(start, end)
                        : d);
    OptionalDouble distance =
        map(
            GoogleJson.number(summary, "distanceMillimeters", "distanceMillimiters"),
            UnitConversion::millimetresToMetres);
    OptionalDouble energy =
        map(GoogleJson.number(summary, "caloriesKcal"), UnitConversion::kilocaloriesToJoules);
    OptionalDouble elevation =
        map(
            GoogleJson.number(summary, "elevationGainMillimeters"),
            UnitConversion::millimetresToMetres);
    OptionalInt averageHr = OptionalInt.empty();
    if (summary.has("averageHeartRateBeatsPerMinute")) {
      long bpm = GoogleJson.int64(summary.get("averageHeartRateBeatsPerMinute"));
      if (bpm >= 1 && bpm <= 300) {
        averageHr = OptionalInt.of((int) bpm);
      }
    }
    return new Workout(
        sport,
        GoogleJson.optionalText(exercise, "displayName"),
        start,
        end,
        moving,
        distance,
        energy,
        elevation,
        averageHr,
        OptionalInt.empty(),
        List.of());
  }

  private static OptionalDouble map(
      OptionalDouble value, java.util.function.DoubleUnaryOperator f) {
    return value.isPresent() ? OptionalDouble.of(f.applyAsDouble(value.getAsDouble())) : value;
  }
}
