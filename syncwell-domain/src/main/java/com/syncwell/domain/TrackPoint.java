package com.syncwell.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One sample of a workout's streams. Every measurement is optional ({@code null}: not recorded at
 * this point); latitude and longitude come together or not at all.
 *
 * @param time when the sample was taken
 * @param latitude degrees, -90 to 90
 * @param longitude degrees, -180 to 180
 * @param altitudeMetres metres above sea level
 * @param distanceMetres cumulative distance from the start, metres
 * @param heartRateBpm beats per minute, 1 to 300
 * @param cadenceRpm cadence as FIT and TCX count it: crank revolutions per minute when riding,
 *     strides (one foot) per minute when running
 * @param powerWatts watts
 */
public record TrackPoint(
    Instant time,
    Double latitude,
    Double longitude,
    Double altitudeMetres,
    Double distanceMetres,
    Integer heartRateBpm,
    Integer cadenceRpm,
    Integer powerWatts) {

  public TrackPoint {
    Objects.requireNonNull(time, "time");
    if ((latitude == null) != (longitude == null)) {
      throw new IllegalArgumentException("latitude and longitude come together");
    }
    if (latitude != null && (!(latitude >= -90 && latitude <= 90))) {
      throw new IllegalArgumentException("latitude must be -90 to 90, was " + latitude);
    }
    if (longitude != null && (!(longitude >= -180 && longitude <= 180))) {
      throw new IllegalArgumentException("longitude must be -180 to 180, was " + longitude);
    }
    if (heartRateBpm != null && (heartRateBpm < 1 || heartRateBpm > 300)) {
      throw new IllegalArgumentException("heart rate must be 1 to 300 bpm, was " + heartRateBpm);
    }
    requireFiniteOrNull("altitude", altitudeMetres);
    requireFiniteOrNull("distance", distanceMetres);
    if (distanceMetres != null && distanceMetres < 0) {
      throw new IllegalArgumentException("distance must not be negative");
    }
    if (cadenceRpm != null && cadenceRpm < 0) {
      throw new IllegalArgumentException("cadence must not be negative");
    }
    if (powerWatts != null && powerWatts < 0) {
      throw new IllegalArgumentException("power must not be negative");
    }
  }

  /** A point with only a time; add measurements with the {@code with…} methods. */
  public static TrackPoint at(Instant time) {
    return new TrackPoint(time, null, null, null, null, null, null, null);
  }

  public TrackPoint withPosition(double lat, double lng) {
    return new TrackPoint(
        time, lat, lng, altitudeMetres, distanceMetres, heartRateBpm, cadenceRpm, powerWatts);
  }

  public TrackPoint withAltitude(Double metres) {
    return new TrackPoint(
        time, latitude, longitude, metres, distanceMetres, heartRateBpm, cadenceRpm, powerWatts);
  }

  public TrackPoint withDistance(Double metres) {
    return new TrackPoint(
        time, latitude, longitude, altitudeMetres, metres, heartRateBpm, cadenceRpm, powerWatts);
  }

  public TrackPoint withHeartRate(Integer bpm) {
    return new TrackPoint(
        time, latitude, longitude, altitudeMetres, distanceMetres, bpm, cadenceRpm, powerWatts);
  }

  public TrackPoint withCadence(Integer rpm) {
    return new TrackPoint(
        time, latitude, longitude, altitudeMetres, distanceMetres, heartRateBpm, rpm, powerWatts);
  }

  public TrackPoint withPower(Integer watts) {
    return new TrackPoint(
        time, latitude, longitude, altitudeMetres, distanceMetres, heartRateBpm, cadenceRpm, watts);
  }

  public boolean hasPosition() {
    return latitude != null;
  }

  private static void requireFiniteOrNull(String what, Double value) {
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException(what + " must be a finite number");
    }
  }
}
