package com.syncwell.connector.fitbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.connector.IdempotencyKey;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RecordWriter;
import com.syncwell.connector.WriteOutcome;
import com.syncwell.domain.BodyWeight;
import com.syncwell.domain.HealthRecord;
import com.syncwell.domain.UnitConversion;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Writes weighings as {@code weight} points (kilograms → grams; body fat is not written), with the
 * key in {@code notes}. Before writing it lists this client's own weighings of the same second
 * ({@code self-sources}): one with the key, or any at the same instant, is {@link
 * WriteOutcome.DuplicateFound}.
 */
final class WeightWriter implements RecordWriter {
  private final GoogleHealthApi api;

  WeightWriter(GoogleHealthApi api) {
    this.api = api;
  }

  @Override
  public WriteOutcome write(ProviderSession session, HealthRecord record, IdempotencyKey key) {
    if (!(record instanceof BodyWeight weight)) {
      throw new IllegalArgumentException("the weight writer writes body weight only");
    }
    Instant t = weight.time().toInstant();
    Map<String, String> query =
        new java.util.LinkedHashMap<>(WeightReader.query(t, t.plusSeconds(1), ""));
    query.put("dataSourceFamily", GoogleHealthApi.SELF_SOURCES);
    JsonNode answer =
        api.get(session, GoogleHealthApi.dataPoints(WeightReader.TYPE), query, "weight list");
    Optional<String> sameTime = Optional.empty();
    try {
      for (JsonNode point : answer.path("dataPoints")) {
        String id = GoogleJson.lastSegment(GoogleJson.text(point, "name"));
        if (OwnWrites.keyIn(point.path("weight").path("notes").asText(null))
            .filter(key.value()::equals)
            .isPresent()) {
          return new WriteOutcome.DuplicateFound(id);
        }
        sameTime = sameTime.or(() -> Optional.of(id));
      }
    } catch (IllegalArgumentException e) {
      throw GoogleJson.malformed("weight list", e);
    }
    if (sameTime.isPresent()) {
      return new WriteOutcome.DuplicateFound(sameTime.get());
    }
    return DataPointCreation.create(api, session, WeightReader.TYPE, body(weight, key));
  }

  static ObjectNode body(BodyWeight w, IdempotencyKey key) {
    ObjectNode point = GoogleJson.MAPPER.createObjectNode();
    ObjectNode weight = point.putObject("weight");
    ObjectNode sample = weight.putObject("sampleTime");
    sample.put("physicalTime", w.time().toInstant().toString());
    sample.put("utcOffset", GoogleJson.offset(w.time().getOffset()));
    weight.put("weightGrams", UnitConversion.kilogramsToGrams(w.kilograms()));
    weight.put("notes", OwnWrites.notesFor(key));
    return point;
  }
}
