package com.syncwell.connector.fitbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.connector.ChangePage;
import com.syncwell.connector.Cursor;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.ProviderException;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.TimeWindow;
import com.syncwell.domain.DataType;
import com.syncwell.domain.HealthRecord;
import com.syncwell.domain.HeartRateDaily;
import com.syncwell.domain.RecordRef;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resting heart rate per day ({@code daily-resting-heart-rate}, filter {@code
 * daily_resting_heart_rate.date}). Daily points have no name: the record id is the civil date, and
 * a day counts as starting at its UTC midnight (the API gives no zone for daily values).
 */
final class RestingHeartRateReader implements RecordReader {
  static final String TYPE = "daily-resting-heart-rate";
  private static final String MEMBER = "daily_resting_heart_rate.date";
  private final GoogleHealthApi api;
  private final DataPointListing listing;

  RestingHeartRateReader(GoogleHealthApi api) {
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
    if (ref.dataType() != DataType.HEART_RATE) {
      throw new IllegalArgumentException("not a heart rate reference");
    }
    LocalDate day;
    try {
      day = LocalDate.parse(ref.recordId());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a Fitbit resting heart rate id", e);
    }
    DataPointListing.Page page = pageOfDays(session, day, day.plusDays(1), "");
    try {
      for (JsonNode point : page.points()) {
        HeartRateDaily daily = toDaily(point);
        if (daily.date().equals(day)) {
          return daily;
        }
      }
    } catch (ProviderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw GoogleJson.malformed("resting heart rate", e);
    }
    throw new Permanent(GoogleJson.PROVIDER, "no resting heart rate for that day any more", null);
  }

  private DataPointListing.Page page(
      ProviderSession session, Instant from, Instant to, String pageToken) {
    LocalDate first = GoogleFilters.firstDayFrom(from);
    LocalDate end = GoogleFilters.firstDayFrom(to);
    if (!end.isAfter(first)) {
      return new DataPointListing.Page(List.of(), "");
    }
    return pageOfDays(session, first, end, pageToken);
  }

  private DataPointListing.Page pageOfDays(
      ProviderSession session, LocalDate from, LocalDate to, String pageToken) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("filter", GoogleFilters.dates(MEMBER, from, to));
    query.put("pageSize", "1000");
    if (!pageToken.isEmpty()) {
      query.put("pageToken", pageToken);
    }
    return DataPointListing.listPage(
        api.get(session, GoogleHealthApi.dataPoints(TYPE), query, "resting heart rate list"));
  }

  private Optional<DataPointListing.Listed> listed(JsonNode point) {
    LocalDate day = GoogleJson.date(point.path("dailyRestingHeartRate").path("date"));
    OffsetDateTime start = day.atStartOfDay().atOffset(ZoneOffset.UTC);
    RecordRef ref =
        new RecordRef(
            GoogleJson.PROVIDER,
            day.toString(),
            DataType.HEART_RATE,
            start,
            start.plusDays(1),
            Optional.empty(),
            0,
            Optional.empty(),
            OwnWrites.marker(point, api.settings().clientId(), null));
    return Optional.of(new DataPointListing.Listed(ref, start.toInstant()));
  }

  static HeartRateDaily toDaily(JsonNode point) {
    JsonNode rhr = point.path("dailyRestingHeartRate");
    return new HeartRateDaily(
        GoogleJson.date(rhr.path("date")), (int) GoogleJson.int64(rhr.path("beatsPerMinute")));
  }
}
