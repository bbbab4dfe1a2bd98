package com.syncwell.connector.fitbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.connector.ChangePage;
import com.syncwell.connector.Cursor;
import com.syncwell.connector.ProviderException;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.TimeWindow;
import com.syncwell.domain.DataType;
import com.syncwell.domain.HealthRecord;
import com.syncwell.domain.RecordRef;
import com.syncwell.domain.SleepSession;
import com.syncwell.domain.SleepStage;
import com.syncwell.domain.SleepStageType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sleep sessions ({@code sleep}) with stages. The API filters sleep only on its end ({@code
 * sleep.interval.end_time}); a session starting in the window ends at most a day later, so the
 * query reaches one day past the window and points are kept by their start. Classic levels map as
 * ASLEEP → LIGHT and RESTLESS → AWAKE.
 */
final class SleepReader implements RecordReader {
  static final String TYPE = "sleep";
  private final GoogleHealthApi api;
  private final DataPointListing listing;

  SleepReader(GoogleHealthApi api) {
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
    if (ref.dataType() != DataType.SLEEP_SESSION) {
      throw new IllegalArgumentException("not a sleep reference");
    }
    JsonNode point =
        api.get(session, GoogleHealthApi.dataPoint(TYPE, ref.recordId()), Map.of(), "sleep");
    try {
      return toSleep(point);
    } catch (ProviderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw GoogleJson.malformed("sleep", e);
    }
  }

  private DataPointListing.Page page(
      ProviderSession session, Instant from, Instant to, String pageToken) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put(
        "filter",
        GoogleFilters.physical("sleep.interval.end_time", from, to.plus(Duration.ofDays(1))));
    query.put("pageSize", "25");
    if (!pageToken.isEmpty()) {
      query.put("pageToken", pageToken);
    }
    return DataPointListing.listPage(
        api.get(session, GoogleHealthApi.dataPoints(TYPE), query, "sleep list"));
  }

  private Optional<DataPointListing.Listed> listed(JsonNode point) {
    JsonNode sleep = point.path("sleep");
    JsonNode interval = sleep.path("interval");
    OffsetDateTime start = GoogleJson.time(interval, "startTime", "startUtcOffset");
    OffsetDateTime end = GoogleJson.time(interval, "endTime", "endUtcOffset");
    RecordRef ref =
        new RecordRef(
            GoogleJson.PROVIDER,
            GoogleJson.lastSegment(GoogleJson.text(point, "name")),
            DataType.SLEEP_SESSION,
            start,
            end,
            GoogleJson.optionalText(sleep, "updateTime").map(Instant::parse),
            0,
            Optional.empty(),
            OwnWrites.marker(
                point,
                api.settings().clientId(),
                sleep.path("metadata").path("externalId").asText(null)));
    return Optional.of(new DataPointListing.Listed(ref, start.toInstant()));
  }

  static SleepSession toSleep(JsonNode point) {
    JsonNode sleep = point.path("sleep");
    JsonNode interval = sleep.path("interval");
    OffsetDateTime start = GoogleJson.time(interval, "startTime", "startUtcOffset");
    OffsetDateTime end = GoogleJson.time(interval, "endTime", "endUtcOffset");
    List<SleepStage> stages = new ArrayList<>();
    for (JsonNode s : sleep.path("stages")) {
      stages.add(
          new SleepStage(
              Instant.parse(GoogleJson.text(s, "startTime")),
              Instant.parse(GoogleJson.text(s, "endTime")),
              stageType(s.path("type").asText())));
    }
    stages.sort(Comparator.comparing(SleepStage::start));
    Duration elapsed = Duration.between(start, end);
    JsonNode summary = sleep.path("summary");
    Duration inBed =
        summary.has("minutesInSleepPeriod")
            ? Duration.ofMinutes(GoogleJson.int64(summary.get("minutesInSleepPeriod")))
            : elapsed;
    Duration asleep;
    if (summary.has("minutesAsleep")) {
      asleep = Duration.ofMinutes(GoogleJson.int64(summary.get("minutesAsleep")));
    } else if (!stages.isEmpty()) {
      asleep =
          stages.stream()
              .filter(s -> s.type() != SleepStageType.AWAKE)
              .map(s -> Duration.between(s.start(), s.end()))
              .reduce(Duration.ZERO, Duration::plus);
    } else {
      asleep = inBed;
    }
    if (asleep.compareTo(inBed) > 0) {
      asleep = inBed;
    }
    return new SleepSession(start, end, inBed, asleep, stages);
  }

  private static SleepStageType stageType(String google) {
    return switch (google) {
      case "AWAKE", "RESTLESS" -> SleepStageType.AWAKE;
      case "DEEP" -> SleepStageType.DEEP;
      case "REM" -> SleepStageType.REM;
      case "LIGHT", "ASLEEP" -> SleepStageType.LIGHT;
      default -> throw new IllegalArgumentException("unknown sleep stage");
    };
  }
}
