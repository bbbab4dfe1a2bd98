package com.syncwell.simulator.data;

import com.syncwell.domain.SportType;
import com.syncwell.domain.TrackPoint;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Builds stored workouts with summaries consistent with their streams. */
public final class WorkoutFactory {
  private WorkoutFactory() {}

  /** A device-recorded workout whose streams are synthesised from {@code trackSeed}. */
  public static SimWorkout synthesised(
      Person person,
      String id,
      SportType sport,
      String title,
      Instant start,
      int elapsedSeconds,
      int movingSeconds,
      double distanceMetres,
      long trackSeed,
      Origin origin,
      String externalId,
      Long uploadId,
      Instant createTime) {
    List<TrackPoint> track =
        TrackSynth.synthesize(person, sport, start, elapsedSeconds, distanceMetres, trackSeed);
    return fromTrack(
        person,
        id,
        sport,
        title,
        start,
        elapsedSeconds,
        movingSeconds,
        distanceMetres,
        track,
        trackSeed,
        List.of(),
        origin,
        externalId,
        uploadId,
        false,
        null,
        createTime);
  }

  /**
   * A workout with explicit samples (an upload), or none (a manual entry), summarised from {@code
   * samples} (averages, polyline, GPS or not) and keeping {@code stored} of them (all of them, or
   * fewer when the simulator does not keep uploaded streams).
   */
  public static SimWorkout explicit(
      Person person,
      String id,
      SportType sport,
      String title,
      Instant start,
      int elapsedSeconds,
      int movingSeconds,
      double distanceMetres,
      List<TrackPoint> samples,
      List<TrackPoint> stored,
      Origin origin,
      String externalId,
      Long uploadId,
      boolean manual,
      String clientId,
      Instant createTime) {
    return fromTrack(
        person,
        id,
        sport,
        title,
        start,
        elapsedSeconds,
        movingSeconds,
        distanceMetres,
        samples,
        0,
        stored,
        origin,
        externalId,
        uploadId,
        manual,
        clientId,
        createTime);
  }

  private static SimWorkout fromTrack(
      Person person,
      String id,
      SportType sport,
      String title,
      Instant start,
      int elapsedSeconds,
      int movingSeconds,
      double distanceMetres,
      List<TrackPoint> track,
      long trackSeed,
      List<TrackPoint> stored,
      Origin origin,
      String externalId,
      Long uploadId,
      boolean manual,
      String clientId,
      Instant createTime) {
    long hrSum = 0;
    int hrCount = 0;
    int hrMax = 0;
    double cadSum = 0;
    int cadCount = 0;
    double wattSum = 0;
    int wattCount = 0;
    double gain = 0;
    Double lastAlt = null;
    boolean gps = false;
    for (TrackPoint p : track) {
      if (p.heartRateBpm() != null) {
        hrSum += p.heartRateBpm();
        hrCount++;
        hrMax = Math.max(hrMax, p.heartRateBpm());
      }
      if (p.cadenceRpm() != null) {
        cadSum += p.cadenceRpm();
        cadCount++;
      }
      if (p.powerWatts() != null) {
        wattSum += p.powerWatts();
        wattCount++;
      }
      if (p.altitudeMetres() != null) {
        if (lastAlt != null && p.altitudeMetres() > lastAlt) {
          gain += p.altitudeMetres() - lastAlt;
        }
        lastAlt = p.altitudeMetres();
      }
      gps |= p.hasPosition();
    }
    ZoneOffset offset = person.zone().getRules().getOffset(start);
    double kcalPerMinute =
        switch (sport) {
          case RUNNING -> 11;
          case CYCLING -> 9;
          case HIKING -> 6.5;
          case SWIMMING -> 8.5;
          default -> 4.5;
        };
    double calories = Math.round(kcalPerMinute * movingSeconds / 60.0 * person.bodyMassKg() / 75.0);
    return new SimWorkout(
        id,
        sport,
        title,
        start,
        offset,
        elapsedSeconds,
        movingSeconds,
        Math.round(distanceMetres * 10) / 10.0,
        Math.round(gain * 10) / 10.0,
        hrCount == 0 ? null : (int) Math.round((double) hrSum / hrCount),
        hrCount == 0 ? null : hrMax,
        cadCount == 0 ? null : Math.round(cadSum / cadCount * 10) / 10.0,
        wattCount == 0 ? null : Math.round(wattSum / wattCount * 10) / 10.0,
        calories,
        gps,
        gps ? Polyline.encode(track, 80) : null,
        trackSeed,
        stored,
        externalId,
        uploadId,
        manual,
        origin,
        clientId,
        createTime,
        createTime);
  }

  /** The first and last of {@code samples} (all of them when fewer than three). */
  public static List<TrackPoint> ends(List<TrackPoint> samples) {
    return samples.size() < 3 ? samples : List.of(samples.getFirst(), samples.getLast());
  }

  /** The workout's streams: stored samples, else synthesised from its seed, else none. */
  public static List<TrackPoint> streams(Person person, SimWorkout w) {
    if (!w.samples().isEmpty() || w.trackSeed() == 0) {
      return w.samples();
    }
    return TrackSynth.synthesize(
        person, w.sport(), w.start(), w.elapsedSeconds(), w.distanceMetres(), w.trackSeed());
  }
}
