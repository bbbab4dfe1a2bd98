package com.syncwell.connector.fitbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.connector.ChangePage;
import com.syncwell.connector.Cursor;
import com.syncwell.connector.ProviderException;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.TimeWindow;
import com.syncwell.domain.BodyWeight;
import com.syncwell.domain.DataType;
import com.syncwell.domain.HealthRecord;
import com.syncwell.domain.RecordRef;
import com.syncwell.domain.UnitConversion;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Weighings ({@code weight}, grams → kilograms), filtered on {@code
 * weight.sample_time.physical_time}. Body fat is a separate data type ({@code body-fat}) and is not
 * joined in (one more call per weighing for a value few scales send).
 */
final class WeightReader implements RecordReader {
  static final String TYPE = "weight";
  private final GoogleHealthApi api;
  private final DataPointListing listing;

  WeightReader(GoogleHealthApi api) {
    this.api = api;
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
    if (ref.dataType() != DataType.WEIGHT) {
      throw new IllegalArgumentException("not a weight reference");
    }
    JsonNode point =
        api.get(session, GoogleHealthApi.dataPoint(TYPE, ref.recordId()), Map.of(), "weight");
    try {
      return toWeight(point);
    } catch (ProviderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw GoogleJson.malformed("weight", e);
    }
  }

  DataPointListing.Page page(ProviderSession session, Instant from, Instant to, String pageToken) {
    return DataPointListing.listPage(
        api.get(
            session, GoogleHealthApi.dataPoints(TYPE), query(from, to, pageToken), "weight list"));
  }

  static Map<String, String> query(Instant from, Instant to, String pageToken) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("filter", GoogleFilters.physical("weight.sample_time.physical_time", from, to));
    query.put("pageSize", "1000");
    if (!pageToken.isEmpty()) {
      query.put("pageToken", pageToken);
    }
    return query;
  }

  private Optional<DataPointListing.Listed> listed(JsonNode point) {
    JsonNode weight = point.path("weight");
    OffsetDateTime time = GoogleJson.time(weight.path("sampleTime"), "physicalTime", "utcOffset");
    RecordRef ref =
        new RecordRef(
            GoogleJson.PROVIDER,
            GoogleJson.lastSegment(GoogleJson.text(point, "name")),
            DataType.WEIGHT,
            time,
            time,
            Optional.empty(),
            0,
            Optional.empty(),
            OwnWrites.marker(point, api.settings().clientId(), weight.path("notes").asText(null)));
    return Optional.of(new DataPointListing.Listed(ref, time.toInstant()));
  }

  static BodyWeight toWeight(JsonNode point) {
    JsonNode weight = point.path("weight");
    OffsetDateTime time = GoogleJson.time(weight.path("sampleTime"), "physicalTime", "utcOffset");
    OptionalDouble grams = GoogleJson.number(weight, "weightGrams");
    if (grams.isEmpty()) {
      throw new IllegalArgumentException("no weightGrams");
    }
    return new BodyWeight(
        time, UnitConversion.gramsToKilograms(grams.getAsDouble()), OptionalDouble.empty());
  }
}
