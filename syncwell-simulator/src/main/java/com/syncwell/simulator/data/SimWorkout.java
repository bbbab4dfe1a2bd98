package com.syncwell.simulator.data;

import com.syncwell.domain.SportType;
import com.syncwell.domain.TrackPoint;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * A stored workout on one provider. Streams are either explicit ({@code samples}, from an upload)
 * or synthesised on request from {@code trackSeed} (0: none).
 */
public record SimWorkout(
    String id,
    SportType sport,
    String title,
    Instant start,
    ZoneOffset offset,
    int elapsedSeconds,
    int movingSeconds,
    double distanceMetres,
    double elevationGainMetres,
    Integer averageHeartRate,
    Integer maxHeartRate,
    Double averageCadence,
    Double averageWatts,
    double calories,
    boolean hasGps,
    String summaryPolyline,
    long trackSeed,
    List<TrackPoint> samples,
    String externalId,
    Long uploadId,
    boolean manual,
    Origin origin,
    String clientId,
    Instant createTime,
    Instant updateTime) {

  public SimWorkout {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sport, "sport");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(offset, "offset");
    samples = samples == null ? List.of() : PackedTrack.of(samples);
  }

  public Instant end() {
    return start.plusSeconds(elapsedSeconds);
  }

  public SimWorkout withId(String newId) {
    return new SimWorkout(
        newId,
        sport,
        title,
        start,
        offset,
        elapsedSeconds,
        movingSeconds,
        distanceMetres,
        elevationGainMetres,
        averageHeartRate,
        maxHeartRate,
        averageCadence,
        averageWatts,
        calories,
        hasGps,
        summaryPolyline,
        trackSeed,
        samples,
        externalId,
        uploadId,
        manual,
        origin,
        clientId,
        createTime,
        updateTime);
  }

  public SimWorkout withStart(Instant newStart) {
    return new SimWorkout(
        id,
        sport,
        title,
        newStart,
        offset,
        elapsedSeconds,
        movingSeconds,
        distanceMetres,
        elevationGainMetres,
        averageHeartRate,
        maxHeartRate,
        averageCadence,
        averageWatts,
        calories,
        hasGps,
        summaryPolyline,
        trackSeed,
        samples,
        externalId,
        uploadId,
        manual,
        origin,
        clientId,
        createTime,
        updateTime);
  }

  public SimWorkout withTitle(String newTitle, Instant now) {
    return new SimWorkout(
        id,
        sport,
        newTitle,
        start,
        offset,
        elapsedSeconds,
        movingSeconds,
        distanceMetres,
        elevationGainMetres,
        averageHeartRate,
        maxHeartRate,
        averageCadence,
        averageWatts,
        calories,
        hasGps,
        summaryPolyline,
        trackSeed,
        samples,
        externalId,
        uploadId,
        manual,
        origin,
        clientId,
        createTime,
        now);
  }

  public SimWorkout withProvenance(
      String newExternalId, Long newUploadId, Origin newOrigin, String newClientId, Instant now) {
    return new SimWorkout(
        id,
        sport,
        title,
        start,
        offset,
        elapsedSeconds,
        movingSeconds,
        distanceMetres,
        elevationGainMetres,
        averageHeartRate,
        maxHeartRate,
        averageCadence,
        averageWatts,
        calories,
        hasGps,
        summaryPolyline,
        trackSeed,
        samples,
        newExternalId,
        newUploadId,
        manual,
        newOrigin,
        newClientId,
        now,
        now);
  }

  public SimWorkout withUpdateTime(Instant now) {
    return new SimWorkout(
        id,
        sport,
        title,
        start,
        offset,
        elapsedSeconds,
        movingSeconds,
        distanceMetres,
        elevationGainMetres,
        averageHeartRate,
        maxHeartRate,
        averageCadence,
        averageWatts,
        calories,
        hasGps,
        summaryPolyline,
        trackSeed,
        samples,
        externalId,
        uploadId,
        manual,
        origin,
        clientId,
        createTime,
        now);
  }
}
