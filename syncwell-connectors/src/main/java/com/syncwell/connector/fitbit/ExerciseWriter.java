package com.syncwell.connector.fitbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.connector.IdempotencyKey;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RecordWriter;
import com.syncwell.connector.WriteOutcome;
import com.syncwell.domain.HealthRecord;
import com.syncwell.domain.UnitConversion;
import com.syncwell.domain.Workout;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes workouts as {@code exercise} points: summary only (the API imports no TCX or samples). The
 * key goes into {@code notes} as {@code syncwell:<key>}. Before writing, the writer lists this
 * client's own points ({@code dataSourceFamily=…/self-sources}) around the start: one with the same
 * key, or any own point with the same start instant, is {@link WriteOutcome.DuplicateFound}.
 */
final class ExerciseWriter implements RecordWriter {
  private static final Duration WIDEST_OFFSET = Duration.ofHours(14);
  private final GoogleHealthApi api;

  ExerciseWriter(GoogleHealthApi api) {
    this.api = api;
  }

  @Override
  public WriteOutcome write(ProviderSession session, HealthRecord record, IdempotencyKey key) {
    if (!(record instanceof Workout workout)) {
      throw new IllegalArgumentException("the exercise writer writes workouts only");
    }
    Optional<String> existing = findOwn(session, workout.start().toInstant(), key);
    if (existing.isPresent()) {
      return new WriteOutcome.DuplicateFound(existing.get());
    }
    return DataPointCreation.create(api, session, ExerciseReader.TYPE, body(workout, key));
  }

  private Optional<String> findOwn(ProviderSession session, Instant start, IdempotencyKey key) {
    String member = api.settings().exerciseFilterMember();
    Map<String, String> query = new LinkedHashMap<>();
    query.put(
        "filter",
        member.contains("civil")
            ? GoogleFilters.civil(member, start.minus(WIDEST_OFFSET), start.plus(WIDEST_OFFSET))
            : GoogleFilters.physical(member, start, start.plusSeconds(1)));
    query.put("pageSize", "25");
    query.put("dataSourceFamily", GoogleHealthApi.SELF_SOURCES);
    JsonNode answer =
        api.get(session, GoogleHealthApi.dataPoints(ExerciseReader.TYPE), query, "exercise list");
    Optional<String> sameStart = Optional.empty();
    try {
      for (JsonNode point : answer.path("dataPoints")) {
        JsonNode exercise = point.path("exercise");
        String id = GoogleJson.lastSegment(GoogleJson.text(point, "name"));
        if (OwnWrites.keyIn(exercise.path("notes").asText(null))
            .filter(key.value()::equals)
            .isPresent()) {
          return Optional.of(id);
        }
        Instant pointStart = Instant.parse(GoogleJson.text(exercise.path("interval"), "startTime"));
        if (pointStart.equals(start) && sameStart.isEmpty()) {
          sameStart = Optional.of(id);
        }
      }
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      throw GoogleJson.malformed("exercise list", e);
    }
    return sameStart;
  }

  static ObjectNode body(Workout w, IdempotencyKey key) {
    ObjectNode point = GoogleJson.MAPPER.createObjectNode();
    ObjectNode exercise = point.putObject("exercise");
    ObjectNode interval = exercise.putObject("interval");
    interval.put("startTime", w.start().toInstant().toString());
    interval.put("startUtcOffset", GoogleJson.offset(w.start().getOffset()));
    interval.put("endTime", w.end().toInstant().toString());
    interval.put("endUtcOffset", GoogleJson.offset(w.end().getOffset()));
    String type = GoogleExerciseTypes.toGoogle(w.sport());
    exercise.put("exerciseType", type);
    exercise.put("displayName", w.title().orElse(displayName(type)));
    w.movingTime().ifPresent(t -> exercise.put("activeDuration", GoogleJson.duration(t)));
    ObjectNode summary = exercise.putObject("metricsSummary");
    w.distanceMetres()
        .ifPresent(m -> summary.put("distanceMillimeters", UnitConversion.metresToMillimetres(m)));
    w.energyJoules()
        .ifPresent(j -> summary.put("caloriesKcal", UnitConversion.joulesToKilocalories(j)));
    w.elevationGainMetres()
        .ifPresent(
            m -> summary.put("elevationGainMillimeters", UnitConversion.metresToMillimetres(m)));
    w.averageHeartRateBpm()
        .ifPresent(b -> summary.put("averageHeartRateBeatsPerMinute", Integer.toString(b)));
    exercise.put("notes", OwnWrites.notesFor(key));
    return point;
  }

  private static String displayName(String type) {
    String lower = type.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
