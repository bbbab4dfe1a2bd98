package com.syncwell.connector.files;

import com.syncwell.domain.TrackPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/** What every codec does with the samples it decoded before they become a workout's streams. */
final class Samples {
  private Samples() {}

  /**
   * The points in file order, without those that go back in time (a workout's samples are in time
   * order); says in {@code notes} how many were dropped.
   */
  static List<TrackPoint> inTimeOrder(List<TrackPoint> points, List<String> notes) {
    List<TrackPoint> kept = new ArrayList<>(points.size());
    Instant latest = Instant.MIN;
    int dropped = 0;
    for (TrackPoint p : points) {
      if (p.time().isBefore(latest)) {
        dropped++;
        continue;
      }
      kept.add(p);
      latest = p.time();
    }
    if (dropped > 0) {
      notes.add("dropped " + dropped + " samples that went back in time");
    }
    return kept;
  }

  /** Mean of the recorded heart rates, rounded; empty when no point has one. */
  static OptionalInt averageHeartRate(List<TrackPoint> points) {
    long sum = 0;
    int count = 0;
    for (TrackPoint p : points) {
      if (p.heartRateBpm() != null) {
        sum += p.heartRateBpm();
        count++;
      }
    }
    return count == 0
        ? OptionalInt.empty()
        : OptionalInt.of((int) Math.round((double) sum / count));
  }

  /** Highest recorded heart rate; empty when no point has one. */
  static OptionalInt maxHeartRate(List<TrackPoint> points) {
    return points.stream()
        .map(TrackPoint::heartRateBpm)
        .filter(Objects::nonNull)
        .mapToInt(Integer::intValue)
        .max();
  }

  /** A heart rate the model accepts (1 to 300 bpm), else {@code null}. */
  static Integer heartRate(Number bpm) {
    if (bpm == null || !Double.isFinite(bpm.doubleValue())) {
      return null;
    }
    long value = Math.round(bpm.doubleValue());
    return value >= 1 && value <= 300 ? (int) value : null;
  }

  /** A finite value, else {@code null}. */
  static Double finite(Number value) {
    return value != null && Double.isFinite(value.doubleValue()) ? value.doubleValue() : null;
  }

  /** A finite value that is not negative, else {@code null}. */
  static Double nonNegative(Number value) {
    Double v = finite(value);
    return v != null && v >= 0 ? v : null;
  }

  /** A whole number that is not negative, else {@code null}. */
  static Integer count(Number value) {
    if (value == null || !Double.isFinite(value.doubleValue())) {
      return null;
    }
    long whole = Math.round(value.doubleValue());
    return whole >= 0 && whole <= Integer.MAX_VALUE ? (int) whole : null;
  }

  /** True when the pair is a position the model accepts. */
  static boolean isPosition(Double latitude, Double longitude) {
    return latitude != null
        && longitude != null
        && latitude >= -90
        && latitude <= 90
        && longitude >= -180
        && longitude <= 180;
  }

  /** One line of text, for a reason or a note that quotes a library's message. */
  static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "no detail given";
    }
    String line = message.replaceAll("\\s+", " ").trim();
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
