package com.syncwell.app.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The traffic a running SyncWell measured ({@code GET /v1/admin/traffic-profile}, format {@code
 * syncwell-traffic-profile/1}): the last complete day when the export has one with signed-in
 * traffic, else the current day so far.
 *
 * @param observedMinutes minutes from the first to the last request of that day
 */
public record MeasuredTraffic(
    String day,
    boolean complete,
    long users,
    long requests,
    int observedMinutes,
    double sessionsPerUserPerDay,
    double requestsPerSession,
    double syncsPerUserPerDay,
    double peakToAverage,
    double averageResponseBytes,
    double heavyShare,
    double writeReadRatio) {
  /** A peak-to-average ratio over a shorter window than this is not used. */
  public static final int MIN_MINUTES_FOR_PEAK = 60;

  public static final String FORMAT = "syncwell-traffic-profile/1";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @throws InvalidCapacityInput when the file is not a traffic profile or has no signed-in traffic
   */
  public static MeasuredTraffic read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new InvalidCapacityInput(file + ": not readable as JSON (" + e.getMessage() + ")");
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new InvalidCapacityInput(file + ": not a traffic profile (format " + FORMAT + ")");
    }
    JsonNode day = root.path("previous");
    if (day.path("sessions").asLong() == 0) {
      day = root.path("current");
    }
    if (day.path("sessions").asLong() == 0) {
      throw new InvalidCapacityInput(file + ": the profile has no signed-in traffic to measure");
    }
    return new MeasuredTraffic(
        day.path("day").asText(),
        day.path("complete").asBoolean(),
        day.path("users").asLong(),
        day.path("requests").asLong(),
        day.path("observedMinutes").asInt(),
        day.path("sessionsPerUserPerDay").asDouble(),
        day.path("requestsPerSession").asDouble(),
        day.path("syncsPerUserPerDay").asDouble(),
        day.path("perMinute").path("peakToAverage").asDouble(),
        day.path("payloads").path("averageResponseBytes").asDouble(),
        day.path("payloads").path("heavyShare").asDouble(),
        day.path("writeReadRatio").asDouble());
  }

  /** Whether the window is long enough for its peak-to-average ratio to replace the assumption. */
  public boolean peakMeasured() {
    return observedMinutes >= MIN_MINUTES_FOR_PEAK && peakToAverage > 0;
  }

  /** The assumptions this profile replaces. */
  public Map<Assumption, Double> replacements() {
    Map<Assumption, Double> r = new EnumMap<>(Assumption.class);
    r.put(Assumption.SESSIONS_PER_USER_PER_DAY, sessionsPerUserPerDay);
    r.put(Assumption.REQUESTS_PER_SESSION, requestsPerSession);
    r.put(Assumption.SYNCS_PER_USER_PER_DAY, syncsPerUserPerDay);
    r.put(Assumption.API_RESPONSE_BYTES, averageResponseBytes);
    if (peakMeasured()) {
      r.put(Assumption.PEAK_TO_AVERAGE, peakToAverage);
    }
    return r;
  }
}
