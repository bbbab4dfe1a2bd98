package com.syncwell.connector.fitbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.connector.ChangePage;
import com.syncwell.connector.Cursor;
import com.syncwell.connector.ProviderException;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.TimeWindow;
import com.syncwell.domain.DailySteps;
import com.syncwell.domain.DataType;
import com.syncwell.domain.HealthRecord;
import com.syncwell.domain.RecordRef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Steps per local day from {@code POST …/steps/dataPoints:dailyRollUp} ({@code windowSizeDays: 1},
 * closed-open civil date range, at most 90 days per request). One call covers up to 90 days, where
 * listing the 1-minute {@code steps} points would take a page of at most 10,000 points per week;
 * the rollup is also reconciled across sources (what the Fitbit app shows), while the raw list
 * double-counts overlapping sources. Days without a {@code steps} value are skipped (not worn).
 */
final class StepsReader implements RecordReader {
  static final String TYPE = "steps";
  static final Duration MAX_SPAN = Duration.ofDays(90);
  private final GoogleHealthApi api;
  private final DataPointListing listing;

  StepsReader(GoogleHealthApi api) {
    this.api = api;
    this.listing =
        new DataPointListing(
            TYPE, this::page, this::listed, api.settings().overlap(), Optional.of(MAX_SPAN));
  }

  @Override
  public ChangePage listChanges(
      ProviderSession session, Optional<Cursor> cursor, TimeWindow window) {
    return listing.list(session, cursor, window);
  }

  @Override
  public HealthRecord fetch(ProviderSession session, RecordRef ref) {
    if (ref.dataType() != DataType.STEPS) {
      throw new IllegalArgumentException("not a steps reference");
    }
    LocalDate day;
    try {
      day = LocalDate.parse(ref.recordId());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a Fitbit steps id", e);
    }
    try {
      for (JsonNode point : rollup(session, day, day.plusDays(1), "").points()) {
        Optional<DailySteps> steps = toSteps(point);
        if (steps.isPresent() && steps.get().date().equals(day)) {
          return steps.get();
        }
      }
    } catch (ProviderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw GoogleJson.malformed("steps rollup", e);
    }
    return new DailySteps(day, 0);
  }

  private DataPointListing.Page page(
      ProviderSession session, Instant from, Instant to, String pageToken) {
    LocalDate first = GoogleFilters.firstDayFrom(from);
    LocalDate end = GoogleFilters.firstDayFrom(to);
    if (!end.isAfter(first)) {
      return new DataPointListing.Page(List.of(), "");
    }
    return rollup(session, first, end, pageToken);
  }

  private DataPointListing.Page rollup(
      ProviderSession session, LocalDate from, LocalDate to, String pageToken) {
    ObjectNode body = GoogleJson.MAPPER.createObjectNode();
    ObjectNode range = body.putObject("range");
    date(range.putObject("start").putObject("date"), from);
    date(range.putObject("end").putObject("date"), to);
    body.put("windowSizeDays", 1);
    if (!pageToken.isEmpty()) {
      body.put("pageToken", pageToken);
    }
    JsonNode answer =
        api.post(session, GoogleHealthApi.dataPoints(TYPE) + ":dailyRollUp", body, "steps rollup");
    List<JsonNode> points = new ArrayList<>();
    answer.path("rollupDataPoints").forEach(points::add);
    return new DataPointListing.Page(points, answer.path("nextPageToken").asText(""));
  }

  private static void date(ObjectNode node, LocalDate d) {
    node.put("year", d.getYear()).put("month", d.getMonthValue()).put("day", d.getDayOfMonth());
  }

  private Optional<DataPointListing.Listed> listed(JsonNode point) {
    return toSteps(point)
        .map(
            steps -> {
              OffsetDateTime start = steps.date().atStartOfDay().atOffset(ZoneOffset.UTC);
              RecordRef ref =
                  new RecordRef(
                      GoogleJson.PROVIDER,
                      steps.date().toString(),
                      DataType.STEPS,
                      start,
                      start.plusDays(1),
                      Optional.empty(),
                      0,
                      Optional.empty(),
                      Optional.empty());
              return new DataPointListing.Listed(ref, start.toInstant());
            });
  }

  static Optional<DailySteps> toSteps(JsonNode rollupPoint) {
    JsonNode steps = rollupPoint.path("steps");
    if (steps.isMissingNode() || steps.isNull()) {
      return Optional.empty();
    }
    LocalDate day = GoogleJson.date(rollupPoint.path("civilStartTime").path("date"));
    long count = steps.has("countSum") ? GoogleJson.int64(steps.get("countSum")) : 0;
    return Optional.of(new DailySteps(day, count));
  }
}
