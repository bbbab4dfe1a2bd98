package com.syncwell.simulator.data;

import com.syncwell.domain.BodyWeight;
import com.syncwell.domain.HeartRateDaily;
import com.syncwell.domain.SleepSession;
import com.syncwell.domain.SleepStage;
import com.syncwell.domain.SleepStageType;
import com.syncwell.domain.SportType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Seeds a new account with the 90 days before {@code now}: 3–6 workouts a week (runs, rides, walks,
 * hikes, swims), most on both providers (same start within a few seconds, same duration, different
 * ids), some on one only; nightly sleep with stages, weighings every few days, daily resting heart
 * rate. Steps are synthesised per day on request.
 */
public final class DatasetGenerator {
  public static final int DAYS = 90;

  private DatasetGenerator() {}

  public static Account generate(Person person, Instant now) {
    LocalDate today = now.atZone(person.zone()).toLocalDate();
    LocalDate first = today.minusDays(DAYS);
    ProviderStore strava = new ProviderStore(person, first, false);
    ProviderStore fitbit = new ProviderStore(person, first, true);
    SplittableRandom rng = new SplittableRandom(person.seed());
    int index = 0;
    for (LocalDate day = first; day.isBefore(today.plusDays(1)); day = day.plusDays(1)) {
      int perWeekTarget = 3 + (int) Math.floorMod(Mix.of(person.seed(), day.toEpochDay() / 7), 4L);
      if (rng.nextDouble() >= perWeekTarget / 7.0) {
        continue;
      }
      index++;
      SportType sport = pickSport(rng);
      int minutes =
          switch (sport) {
            case RUNNING -> 25 + rng.nextInt(46);
            case CYCLING -> 45 + rng.nextInt(106);
            case WALKING -> 20 + rng.nextInt(41);
            case HIKING -> 90 + rng.nextInt(151);
            default -> 30 + rng.nextInt(31);
          };
      double speed =
          switch (sport) {
            case RUNNING -> 2.6 + rng.nextDouble();
            case CYCLING -> 6 + 2.5 * rng.nextDouble();
            case WALKING -> 1.3 + 0.3 * rng.nextDouble();
            case HIKING -> 1.0 + 0.3 * rng.nextDouble();
            default -> 0.6 + 0.3 * rng.nextDouble();
          };
      boolean morning = rng.nextBoolean();
      LocalTime at =
          LocalTime.of(
              morning ? 6 + rng.nextInt(3) : 17 + rng.nextInt(3), rng.nextInt(60), rng.nextInt(60));
      Instant start = ZonedDateTime.of(day, at, person.zone()).toInstant();
      int elapsed = minutes * 60 + rng.nextInt(60);
      int moving =
          sport == SportType.SWIMMING ? elapsed : elapsed - rng.nextInt(Math.max(1, elapsed / 20));
      double distance = Math.round(speed * moving);
      double presence = rng.nextDouble();
      int jitter = rng.nextInt(7) - 3;
      long trackSeed = Mix.of(person.seed(), 1000 + index);
      if (!start.plusSeconds(elapsed).isBefore(now)) {
        continue;
      }
      String title = title(sport, at);
      Instant synced = start.plusSeconds(elapsed + 600 + rng.nextInt(3000));
      if (presence < 0.85) {
        String id = Long.toString(stravaId(person, index));
        strava.put(
            WorkoutFactory.synthesised(
                person,
                id,
                sport,
                title,
                start,
                elapsed,
                moving,
                distance,
                trackSeed,
                Origin.GENERATED,
                "garmin_ping_" + Math.floorMod(Mix.of(trackSeed, 7), 100_000_000_000L),
                stravaId(person, index) + 1_000_000_000L,
                synced));
      }
      if (presence < 0.7 || presence >= 0.85) {
        String id = googleId(person, index);
        fitbit.put(
            WorkoutFactory.synthesised(
                person,
                id,
                sport,
                title,
                start.plusSeconds(jitter),
                elapsed,
                moving,
                distance,
                trackSeed,
                Origin.GENERATED,
                null,
                null,
                synced));
      }
    }
    for (LocalDate day = first.plusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
      SimSleep sleep = sleep(person, day, googleId(person, 100_000 + (int) day.toEpochDay()));
      if (sleep.session().end().toInstant().isBefore(now)) {
        fitbit.put(sleep);
      }
      HeartRateDaily rhr =
          new HeartRateDaily(
              day,
              person.restingHeartRate()
                  + (int) Math.floorMod(Mix.of(person.seed(), day.toEpochDay()), 5L)
                  - 2);
      if (day.isBefore(today)) {
        fitbit.put(new SimRestingHeartRate(day.toString(), rhr, Origin.GENERATED));
      }
    }
    double mass = person.bodyMassKg();
    for (LocalDate day = first; day.isBefore(today); day = day.plusDays(2 + rng.nextInt(3))) {
      mass += (rng.nextDouble() - 0.52) * 0.4;
      ZonedDateTime when =
          ZonedDateTime.of(day, LocalTime.of(7, rng.nextInt(60), rng.nextInt(60)), person.zone());
      BodyWeight weight =
          new BodyWeight(
              when.toOffsetDateTime(), Math.round(mass * 100) / 100.0, OptionalDouble.empty());
      fitbit.put(
          new SimWeight(
              googleId(person, 200_000 + (int) day.toEpochDay()),
              weight,
              Origin.GENERATED,
              null,
              when.toInstant().plusSeconds(120)));
    }
    return new Account(person, strava, fitbit);
  }

  private static SportType pickSport(SplittableRandom rng) {
    double r = rng.nextDouble();
    if (r < 0.35) {
      return SportType.RUNNING;
    } else if (r < 0.6) {
      return SportType.CYCLING;
    } else if (r < 0.8) {
      return SportType.WALKING;
    } else if (r < 0.9) {
      return SportType.HIKING;
    }
    return SportType.SWIMMING;
  }

  private static String title(SportType sport, LocalTime at) {
    String part = at.getHour() < 12 ? "Morning" : at.getHour() < 17 ? "Afternoon" : "Evening";
    String what =
        switch (sport) {
          case RUNNING -> "Run";
          case CYCLING -> "Ride";
          case WALKING -> "Walk";
          case HIKING -> "Hike";
          default -> "Swim";
        };
    return part + " " + what;
  }

  /** The night ending on the morning of {@code day}, rebuilt from its seed when read. */
  static SimSleep sleep(Person person, LocalDate day, String id) {
    SleepSession once = sleepSession(person, day);
    Instant created = once.end().toInstant().plusSeconds(1800);
    return SimSleep.synthesised(
        id,
        () -> sleepSession(person, day),
        once.start().toInstant(),
        Origin.GENERATED,
        created,
        created.plusSeconds(600));
  }

  /** The night ending on the morning of {@code day}, the same for the same person and day. */
  static SleepSession sleepSession(Person person, LocalDate day) {
    SplittableRandom rng = new SplittableRandom(Mix.of(person.seed() ^ 0x51EE9L, day.toEpochDay()));
    ZonedDateTime start =
        ZonedDateTime.of(day.minusDays(1), LocalTime.of(22, 30), person.zone())
            .plusMinutes(rng.nextInt(120));
    int totalMinutes = 360 + rng.nextInt(150);
    Instant cursor = start.toInstant();
    Instant end = cursor.plusSeconds(totalMinutes * 60L);
    List<SleepStage> stages = new ArrayList<>();
    int awakeMinutes = 0;
    int fallAsleep = 5 + rng.nextInt(15);
    cursor = add(stages, cursor, end, SleepStageType.AWAKE, fallAsleep);
    awakeMinutes += fallAsleep;
    int cycle = 0;
    while (cursor.isBefore(end)) {
      cursor = add(stages, cursor, end, SleepStageType.LIGHT, 15 + rng.nextInt(20));
      cursor =
          add(
              stages,
              cursor,
              end,
              SleepStageType.DEEP,
              Math.max(5, 30 - cycle * 7 + rng.nextInt(10)));
      cursor = add(stages, cursor, end, SleepStageType.LIGHT, 8 + rng.nextInt(12));
      cursor = add(stages, cursor, end, SleepStageType.REM, 8 + cycle * 6 + rng.nextInt(10));
      if (rng.nextInt(3) == 0 && cursor.isBefore(end)) {
        int awake = 1 + rng.nextInt(5);
        Instant before = cursor;
        cursor = add(stages, cursor, end, SleepStageType.AWAKE, awake);
        awakeMinutes += (int) Duration.between(before, cursor).toMinutes();
      }
      cycle++;
    }
    Duration inBed = Duration.ofMinutes(totalMinutes);
    return new SleepSession(
        start.toOffsetDateTime(),
        end.atZone(person.zone()).toOffsetDateTime(),
        inBed,
        inBed.minusMinutes(awakeMinutes),
        stages);
  }

  private static Instant add(
      List<SleepStage> stages, Instant from, Instant end, SleepStageType type, int minutes) {
    if (!from.isBefore(end)) {
      return from;
    }
    Instant to = from.plusSeconds(minutes * 60L);
    if (to.isAfter(end)) {
      to = end;
    }
    stages.add(new SleepStage(from, to, type));
    return to;
  }

  public static long stravaId(Person person, int index) {
    return 10_000_000_000L + Math.floorMod(Mix.of(person.seed(), index), 80_000_000_000L);
  }

  public static String googleId(Person person, int index) {
    return Long.toString(
        1_000_000_000_000_000_000L
            + Math.floorMod(Mix.of(person.seed() ^ 0x600613L, index), 8_000_000_000_000_000_000L));
  }
}
