package com.syncwell.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A workout: sport, local start and end (with the zone offset where it happened), summary measures
 * in SI units and, optionally, its sample streams in time order.
 *
 * @param title the name the person gave it, if any
 * @param movingTime time in motion, at most the elapsed time
 * @param distanceMetres total distance
 * @param energyJoules energy burned
 * @param elevationGainMetres total ascent
 * @param samples the streams, in time order within [start, end]; empty when none were recorded
 */
public record Workout(
    SportType sport,
    Optional<String> title,
    OffsetDateTime start,
    OffsetDateTime end,
    Optional<Duration> movingTime,
    OptionalDouble distanceMetres,
    OptionalDouble energyJoules,
    OptionalDouble elevationGainMetres,
    OptionalInt averageHeartRateBpm,
    OptionalInt maxHeartRateBpm,
    List<TrackPoint> samples)
    implements HealthRecord {

  public Workout {
    Objects.requireNonNull(sport, "sport");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("a workout ends at or after its start");
    }
    Objects.requireNonNull(movingTime, "movingTime");
    movingTime.ifPresent(
        t -> {
          if (t.isNegative()) {
            throw new IllegalArgumentException("moving time must not be negative");
          }
        });
    requireNonNegative("distance", distanceMetres);
    requireNonNegative("energy", energyJoules);
    requireNonNegative("elevation gain", elevationGainMetres);
    requireHeartRate(averageHeartRateBpm);
    requireHeartRate(maxHeartRateBpm);
    samples = List.copyOf(samples);
    Instant previous = Instant.MIN;
    for (TrackPoint p : samples) {
      if (p.time().isBefore(previous)) {
        throw new IllegalArgumentException("samples must be in time order");
      }
      previous = p.time();
    }
  }

  /** A workout with only sport and times; add the rest with the {@code with…} methods. */
  public static Workout of(SportType sport, OffsetDateTime start, OffsetDateTime end) {
    return new Workout(
        sport,
        Optional.empty(),
        start,
        end,
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        List.of());
  }

  @Override
  public DataType dataType() {
    return DataType.WORKOUT;
  }

  /** Elapsed time from start to end. */
  public Duration duration() {
    return Duration.between(start, end);
  }

  public Workout withTitle(String newTitle) {
    return new Workout(
        sport,
        Optional.ofNullable(newTitle),
        start,
        end,
        movingTime,
        distanceMetres,
        energyJoules,
        elevationGainMetres,
        averageHeartRateBpm,
        maxHeartRateBpm,
        samples);
  }

  public Workout withMovingTime(Duration time) {
    return new Workout(
        sport,
        title,
        start,
        end,
        Optional.ofNullable(time),
        distanceMetres,
        energyJoules,
        elevationGainMetres,
        averageHeartRateBpm,
        maxHeartRateBpm,
        samples);
  }

  public Workout withDistance(double metres) {
    return new Workout(
        sport,
        title,
        start,
        end,
        movingTime,
        OptionalDouble.of(metres),
        energyJoules,
        elevationGainMetres,
        averageHeartRateBpm,
        maxHeartRateBpm,
        samples);
  }

  public Workout withEnergy(double joules) {
    return new Workout(
        sport,
        title,
        start,
        end,
        movingTime,
        distanceMetres,
        OptionalDouble.of(joules),
        elevationGainMetres,
        averageHeartRateBpm,
        maxHeartRateBpm,
        samples);
  }

  public Workout withElevationGain(double metres) {
    return new Workout(
        sport,
        title,
        start,
        end,
        movingTime,
        distanceMetres,
        energyJoules,
        OptionalDouble.of(metres),
        averageHeartRateBpm,
        maxHeartRateBpm,
        samples);
  }

  public Workout withHeartRate(int averageBpm, int maxBpm) {
    return new Workout(
        sport,
        title,
        start,
        end,
        movingTime,
        distanceMetres,
        energyJoules,
        elevationGainMetres,
        OptionalInt.of(averageBpm),
        OptionalInt.of(maxBpm),
        samples);
  }

  public Workout withSamples(List<TrackPoint> newSamples) {
    return new Workout(
        sport,
        title,
        start,
        end,
        movingTime,
        distanceMetres,
        energyJoules,
        elevationGainMetres,
        averageHeartRateBpm,
        maxHeartRateBpm,
        newSamples);
  }

  @Override
  public String canonicalText() {
    StringBuilder text = new StringBuilder("workout\n");
    text.append("sport=").append(sport).append('\n');
    text.append("start=").append(start.toEpochSecond()).append('\n');
    text.append("end=").append(end.toEpochSecond()).append('\n');
    text.append("offset=").append(start.getOffset().getTotalSeconds()).append('\n');
    text.append("moving=")
        .append(movingTime.map(Duration::toSeconds).map(String::valueOf).orElse(""))
        .append('\n');
    text.append("distance=").append(rounded(distanceMetres, 1)).append('\n');
    text.append("energy=").append(rounded(energyJoules, 1000)).append('\n');
    text.append("elevation=").append(rounded(elevationGainMetres, 1)).append('\n');
    text.append("hr=")
        .append(text(averageHeartRateBpm))
        .append('/')
        .append(text(maxHeartRateBpm))
        .append('\n');
    text.append("samples=").append(samples.size()).append('\n');
    for (TrackPoint p : samples) {
      text.append(p.time().getEpochSecond())
          .append(';')
          .append(
              p.latitude() == null
                  ? ""
                  : FixedDecimal.of(p.latitude(), 6) + "," + FixedDecimal.of(p.longitude(), 6))
          .append(';')
          .append(p.altitudeMetres() == null ? "" : FixedDecimal.of(p.altitudeMetres(), 1))
          .append(';')
          .append(p.heartRateBpm() == null ? "" : p.heartRateBpm())
          .append('\n');
    }
    return text.toString();
  }

  private static String rounded(OptionalDouble value, double unit) {
    return value.isPresent() ? Long.toString(Math.round(value.getAsDouble() / unit)) : "";
  }

  private static String text(OptionalInt value) {
    return value.isPresent() ? Integer.toString(value.getAsInt()) : "";
  }

  private static void requireNonNegative(String what, OptionalDouble value) {
    Objects.requireNonNull(value, what);
    if (value.isPresent() && !(value.getAsDouble() >= 0 && Double.isFinite(value.getAsDouble()))) {
      throw new IllegalArgumentException(what + " must be a finite number >= 0");
    }
  }

  private static void requireHeartRate(OptionalInt bpm) {
    Objects.requireNonNull(bpm, "heart rate");
    if (bpm.isPresent() && (bpm.getAsInt() < 1 || bpm.getAsInt() > 300)) {
      throw new IllegalArgumentException("heart rate must be 1 to 300 bpm, was " + bpm.getAsInt());
    }
  }
}
