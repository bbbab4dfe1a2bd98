package com.syncwell.connector.strava;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.domain.DataType;
import com.syncwell.domain.RecordRef;
import com.syncwell.domain.SportType;
import com.syncwell.domain.TrackPoint;
import com.syncwell.domain.UnitConversion;
import com.syncwell.domain.Workout;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Strava's activity JSON to the canonical model: a SummaryActivity to a {@link RecordRef}, a
 * DetailedActivity and its streams (array or {@code key_by_type} object form) to a {@link Workout}.
 * Throws {@link IllegalArgumentException} for a payload that does not make sense.
 */
final class StravaPayloads {
  /** What a DetailedActivity costs to fetch, roughly. */
  static final long DETAIL_BYTES = 8_000;

  /** What one second of the seven fetched streams costs, roughly (the recorded fixture: ~45). */
  static final long STREAM_BYTES_PER_SECOND = 45;

  private StravaPayloads() {}

  static RecordRef ref(JsonNode activity) {
    String id =
        StravaJson.id(activity, "id")
            .orElseThrow(() -> new IllegalArgumentException("activity without id"));
    OffsetDateTime start = start(activity);
    long elapsed = Math.max(0, StravaJson.whole(activity, "elapsed_time").orElse(0));
    boolean manual = activity.path("manual").asBoolean(false);
    long size = DETAIL_BYTES + (manual ? 0 : elapsed * STREAM_BYTES_PER_SECOND);
    return new RecordRef(
        StravaConnector.ID,
        id,
        DataType.WORKOUT,
        start,
        start.plusSeconds(elapsed),
        Optional.empty(),
        size,
        Optional.of(sport(activity)),
        StravaJson.text(activity, "external_id").filter(StravaProvenance::isOurs));
  }

  static SportType sport(JsonNode activity) {
    return StravaSportTypes.fromStrava(
        StravaJson.text(activity, "sport_type").orElse(null),
        StravaJson.text(activity, "type").orElse(null));
  }

  /**
   * The local start: {@code start_date} (UTC) at the offset {@code utc_offset}, or, where that is
   * missing (older answers), the difference between {@code start_date_local} and {@code
   * start_date}.
   */
  static OffsetDateTime start(JsonNode activity) {
    Instant utc =
        StravaJson.text(activity, "start_date")
            .map(StravaPayloads::instant)
            .orElseThrow(() -> new IllegalArgumentException("activity without start_date"));
    return utc.atOffset(offset(activity, utc));
  }

  private static ZoneOffset offset(JsonNode activity, Instant utc) {
    OptionalLong utcOffset = StravaJson.whole(activity, "utc_offset");
    long seconds;
    if (utcOffset.isPresent()) {
      seconds = utcOffset.getAsLong();
    } else {
      Optional<String> local = StravaJson.text(activity, "start_date_local");
      if (local.isEmpty()) {
        return ZoneOffset.UTC;
      }
      seconds = Duration.between(utc, instant(local.get())).toSeconds();
    }
    try {
      return ZoneOffset.ofTotalSeconds(Math.toIntExact(seconds));
    } catch (DateTimeException | ArithmeticException e) {
      return ZoneOffset.UTC;
    }
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException again) {
        throw new IllegalArgumentException("not a date-time", again);
      }
    }
  }

  static Workout workout(JsonNode detail, JsonNode streams) {
    OffsetDateTime start = start(detail);
    long elapsed = Math.max(0, StravaJson.whole(detail, "elapsed_time").orElse(0));
    Workout w = Workout.of(sport(detail), start, start.plusSeconds(elapsed));
    Optional<String> name = StravaJson.text(detail, "name");
    if (name.isPresent()) {
      w = w.withTitle(name.get());
    }
    OptionalLong moving = StravaJson.whole(detail, "moving_time");
    if (moving.isPresent() && moving.getAsLong() >= 0) {
      w = w.withMovingTime(Duration.ofSeconds(Math.min(moving.getAsLong(), elapsed)));
    }
    OptionalDouble distance = StravaJson.number(detail, "distance");
    if (distance.isPresent() && distance.getAsDouble() >= 0) {
      w = w.withDistance(distance.getAsDouble());
    }
    OptionalDouble calories = StravaJson.number(detail, "calories");
    if (calories.isPresent() && calories.getAsDouble() > 0) {
      w = w.withEnergy(UnitConversion.kilocaloriesToJoules(calories.getAsDouble()));
    }
    OptionalDouble gain = StravaJson.number(detail, "total_elevation_gain");
    if (gain.isPresent() && gain.getAsDouble() >= 0) {
      w = w.withElevationGain(gain.getAsDouble());
    }
    Integer avg = heartRate(StravaJson.number(detail, "average_heartrate"));
    Integer max = heartRate(StravaJson.number(detail, "max_heartrate"));
    if (avg != null && max != null) {
      w = w.withHeartRate(avg, max);
    }
    return w.withSamples(samples(start.toInstant(), streams));
  }

  private static Integer heartRate(OptionalDouble bpm) {
    if (bpm.isEmpty()) {
      return null;
    }
    long rounded = Math.round(bpm.getAsDouble());
    return rounded >= 1 && rounded <= 300 ? (int) rounded : null;
  }

  /**
   * The samples of {@code streams}: one per non-null {@code time} offset (seconds from the start);
   * null or out-of-range values inside a stream leave that measurement out; samples out of time
   * order are dropped.
   */
  static List<TrackPoint> samples(Instant start, JsonNode streams) {
    Map<String, JsonNode> byType = streamsByType(streams);
    JsonNode time = byType.get("time");
    if (time == null) {
      return List.of();
    }
    List<TrackPoint> samples = new ArrayList<>();
    Instant previous = Instant.MIN;
    for (int i = 0; i < time.size(); i++) {
      JsonNode t = time.get(i);
      if (t == null || !t.isNumber()) {
        continue;
      }
      Instant at = start.plusMillis(Math.round(t.doubleValue() * 1000));
      if (at.isBefore(previous)) {
        continue;
      }
      previous = at;
      TrackPoint p = TrackPoint.at(at);
      JsonNode latlng = at(byType, "latlng", i);
      if (latlng != null
          && latlng.isArray()
          && latlng.size() == 2
          && latlng.get(0).isNumber()
          && latlng.get(1).isNumber()) {
        double lat = latlng.get(0).doubleValue();
        double lng = latlng.get(1).doubleValue();
        if (Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
          p = p.withPosition(lat, lng);
        }
      }
      Double altitude = finite(at(byType, "altitude", i));
      if (altitude != null) {
        p = p.withAltitude(altitude);
      }
      Double dist = finite(at(byType, "distance", i));
      if (dist != null && dist >= 0) {
        p = p.withDistance(dist);
      }
      Integer hr = whole(at(byType, "heartrate", i));
      if (hr != null && hr >= 1 && hr <= 300) {
        p = p.withHeartRate(hr);
      }
      Integer cadence = whole(at(byType, "cadence", i));
      if (cadence != null && cadence >= 0) {
        p = p.withCadence(cadence);
      }
      Integer watts = whole(at(byType, "watts", i));
      if (watts != null && watts >= 0) {
        p = p.withPower(watts);
      }
      samples.add(p);
    }
    return samples;
  }

  /** Each stream's {@code data} array by its type, from the array or the object form. */
  static Map<String, JsonNode> streamsByType(JsonNode streams) {
    Map<String, JsonNode> byType = new HashMap<>();
    if (streams == null || streams.isNull() || streams.isMissingNode()) {
      return byType;
    }
    if (streams.isArray()) {
      for (JsonNode stream : streams) {
        Optional<String> type = StravaJson.text(stream, "type");
        JsonNode data = stream.get("data");
        if (type.isPresent() && data != null && data.isArray()) {
          byType.put(type.get(), data);
        }
      }
    } else if (streams.isObject()) {
      streams
          .properties()
          .forEach(
              e -> {
                JsonNode data = e.getValue().get("data");
                if (data != null && data.isArray()) {
                  byType.put(e.getKey(), data);
                }
              });
    } else {
      throw new IllegalArgumentException("streams are neither an array nor an object");
    }
    return byType;
  }

  private static JsonNode at(Map<String, JsonNode> byType, String type, int i) {
    JsonNode data = byType.get(type);
    return data == null || i >= data.size() ? null : data.get(i);
  }

  private static Double finite(JsonNode v) {
    return v != null && v.isNumber() && Double.isFinite(v.doubleValue()) ? v.doubleValue() : null;
  }

  private static Integer whole(JsonNode v) {
    Double d = finite(v);
    return d == null || Math.abs(d) > Integer.MAX_VALUE ? null : (int) Math.round(d);
  }
}
