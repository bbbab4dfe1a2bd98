package com.syncwell.connector.fitbit;

import com.syncwell.domain.SportType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Google Health API {@code exerciseType} enum (discovery document rev 20261002) and SyncWell's
 * {@link SportType}, both ways. Reading keeps the sport family (an incline run is running); a type
 * SyncWell has no family for, or one Google adds later, is {@link SportType#OTHER}. Writing picks
 * the closest Google type of the same family. Note Google's own spelling {@code PICKELBALL}.
 */
public final class GoogleExerciseTypes {
  private static final Map<String, SportType> FROM_GOOGLE =
      Map.ofEntries(
          Map.entry("RUNNING", SportType.RUNNING),
          Map.entry("INCLINE_RUN", SportType.RUNNING),
          Map.entry("ORIENTEERING", SportType.RUNNING),
          Map.entry("TRAIL_RUN", SportType.TRAIL_RUNNING),
          Map.entry("TREADMILL", SportType.TREADMILL_RUNNING),
          Map.entry("WALKING", SportType.WALKING),
          Map.entry("POWER_WALKING", SportType.WALKING),
          Map.entry("NORDIC_WALKING", SportType.WALKING),
          Map.entry("TREADMILL_WALK", SportType.WALKING),
          Map.entry("INCLINE_WALK", SportType.WALKING),
          Map.entry("STROLLER_WALK", SportType.WALKING),
          Map.entry("WALK_WITH_WEIGHTS", SportType.WALKING),
          Map.entry("HIKING", SportType.HIKING),
          Map.entry("BACKPACKING", SportType.HIKING),
          Map.entry("RUCKING", SportType.HIKING),
          Map.entry("BIKING", SportType.CYCLING),
          Map.entry("OUTDOOR_BIKE", SportType.CYCLING),
          Map.entry("MOUNTAIN_BIKE", SportType.MOUNTAIN_BIKING),
          Map.entry("ELECTRIC_BIKE", SportType.E_BIKING),
          Map.entry("STATIONARY_BIKE", SportType.INDOOR_CYCLING),
          Map.entry("SPINNING", SportType.INDOOR_CYCLING),
          Map.entry("ASSAULT_BIKE", SportType.INDOOR_CYCLING),
          Map.entry("HAND_CYCLING", SportType.HANDCYCLING),
          Map.entry("SWIMMING", SportType.SWIMMING),
          Map.entry("SWIMMING_POOL", SportType.SWIMMING),
          Map.entry("SWIMMING_OPEN_WATER", SportType.OPEN_WATER_SWIMMING),
          Map.entry("ROWING", SportType.ROWING),
          Map.entry("ROWING_MACHINE", SportType.INDOOR_ROWING),
          Map.entry("KAYAKING", SportType.KAYAKING),
          Map.entry("CANOEING", SportType.CANOEING),
          Map.entry("PADDLEBOARDING", SportType.STAND_UP_PADDLING),
          Map.entry("SURFING", SportType.SURFING),
          Map.entry("KITESURFING", SportType.KITESURFING),
          Map.entry("WINDSURFING", SportType.WINDSURFING),
          Map.entry("SAILING", SportType.SAILING),
          Map.entry("SKIING", SportType.ALPINE_SKIING),
          Map.entry("CROSS_COUNTRY_SKI", SportType.CROSS_COUNTRY_SKIING),
          Map.entry("SNOWBOARDING", SportType.SNOWBOARDING),
          Map.entry("SNOWSHOEING", SportType.SNOWSHOEING),
          Map.entry("ICE_SKATING", SportType.ICE_SKATING),
          Map.entry("SPEED_SKATING", SportType.ICE_SKATING),
          Map.entry("ROLLERBLADING", SportType.INLINE_SKATING),
          Map.entry("ROLLER_SKATING", SportType.INLINE_SKATING),
          Map.entry("SKATEBOARDING", SportType.SKATEBOARDING),
          Map.entry("ROCK_CLIMBING", SportType.ROCK_CLIMBING),
          Map.entry("INDOOR_CLIMBING", SportType.ROCK_CLIMBING),
          Map.entry("CLIMBING", SportType.ROCK_CLIMBING),
          Map.entry("STAIRCLIMBER", SportType.STAIR_CLIMBING),
          Map.entry("ELLIPTICAL", SportType.ELLIPTICAL),
          Map.entry("WEIGHTLIFTING", SportType.WEIGHT_TRAINING),
          Map.entry("WEIGHTS", SportType.WEIGHT_TRAINING),
          Map.entry("FREE_WEIGHTS", SportType.WEIGHT_TRAINING),
          Map.entry("WEIGHT_MACHINES", SportType.WEIGHT_TRAINING),
          Map.entry("STRENGTH_TRAINING", SportType.WEIGHT_TRAINING),
          Map.entry("FUNCTIONAL_STRENGTH_TRAINING", SportType.WEIGHT_TRAINING),
          Map.entry("POWERLIFTING", SportType.WEIGHT_TRAINING),
          Map.entry("CROSSFIT", SportType.CROSSFIT),
          Map.entry("HIIT", SportType.HIIT),
          Map.entry("TABATA_WORKOUT", SportType.HIIT),
          Map.entry("INTERVAL_WORKOUT", SportType.HIIT),
          Map.entry("WORKOUT", SportType.WORKOUT),
          Map.entry("CIRCUIT_TRAINING", SportType.WORKOUT),
          Map.entry("CARDIO_WORKOUT", SportType.WORKOUT),
          Map.entry("AEROBIC_WORKOUT", SportType.WORKOUT),
          Map.entry("BOOTCAMP", SportType.WORKOUT),
          Map.entry("CALISTHENICS", SportType.WORKOUT),
          Map.entry("BODY_WEIGHT", SportType.WORKOUT),
          Map.entry("CORE_TRAINING", SportType.WORKOUT),
          Map.entry("OUTDOOR_WORKOUT", SportType.WORKOUT),
          Map.entry("EXERCISE_CLASS", SportType.WORKOUT),
          Map.entry("YOGA", SportType.YOGA),
          Map.entry("YOGA_BIKRAM", SportType.YOGA),
          Map.entry("YOGA_HATHA", SportType.YOGA),
          Map.entry("YOGA_POWER", SportType.YOGA),
          Map.entry("YOGA_VINYASA", SportType.YOGA),
          Map.entry("PILATES", SportType.PILATES),
          Map.entry("GOLF", SportType.GOLF),
          Map.entry("TENNIS", SportType.TENNIS),
          Map.entry("BADMINTON", SportType.BADMINTON),
          Map.entry("TABLE_TENNIS", SportType.TABLE_TENNIS),
          Map.entry("SQUASH", SportType.SQUASH),
          Map.entry("PICKELBALL", SportType.PICKLEBALL),
          Map.entry("RACQUETBALL", SportType.RACQUETBALL),
          Map.entry("SOCCER", SportType.SOCCER),
          Map.entry("BASKETBALL", SportType.BASKETBALL),
          Map.entry("VOLLEYBALL", SportType.VOLLEYBALL),
          Map.entry("VOLLEYBALL_BEACH", SportType.VOLLEYBALL),
          Map.entry("WHEELCHAIR", SportType.WHEELCHAIR),
          Map.entry("OTHER", SportType.OTHER));

  private static final Map<SportType, String> TO_GOOGLE = new EnumMap<>(SportType.class);

  static {
    for (SportType s : SportType.values()) {
      TO_GOOGLE.put(s, s.name());
    }
    TO_GOOGLE.put(SportType.TRAIL_RUNNING, "TRAIL_RUN");
    TO_GOOGLE.put(SportType.TREADMILL_RUNNING, "TREADMILL");
    TO_GOOGLE.put(SportType.VIRTUAL_RUNNING, "TREADMILL");
    TO_GOOGLE.put(SportType.CYCLING, "BIKING");
    TO_GOOGLE.put(SportType.MOUNTAIN_BIKING, "MOUNTAIN_BIKE");
    TO_GOOGLE.put(SportType.GRAVEL_CYCLING, "OUTDOOR_BIKE");
    TO_GOOGLE.put(SportType.E_BIKING, "ELECTRIC_BIKE");
    TO_GOOGLE.put(SportType.E_MOUNTAIN_BIKING, "ELECTRIC_BIKE");
    TO_GOOGLE.put(SportType.INDOOR_CYCLING, "STATIONARY_BIKE");
    TO_GOOGLE.put(SportType.VIRTUAL_CYCLING, "STATIONARY_BIKE");
    TO_GOOGLE.put(SportType.HANDCYCLING, "HAND_CYCLING");
    TO_GOOGLE.put(SportType.VELOMOBILE, "BIKING");
    TO_GOOGLE.put(SportType.OPEN_WATER_SWIMMING, "SWIMMING_OPEN_WATER");
    TO_GOOGLE.put(SportType.INDOOR_ROWING, "ROWING_MACHINE");
    TO_GOOGLE.put(SportType.STAND_UP_PADDLING, "PADDLEBOARDING");
    TO_GOOGLE.put(SportType.ALPINE_SKIING, "SKIING");
    TO_GOOGLE.put(SportType.BACKCOUNTRY_SKIING, "SKIING");
    TO_GOOGLE.put(SportType.CROSS_COUNTRY_SKIING, "CROSS_COUNTRY_SKI");
    TO_GOOGLE.put(SportType.INLINE_SKATING, "ROLLERBLADING");
    TO_GOOGLE.put(SportType.STAIR_CLIMBING, "STAIRCLIMBER");
    TO_GOOGLE.put(SportType.WEIGHT_TRAINING, "WEIGHTLIFTING");
    TO_GOOGLE.put(SportType.PICKLEBALL, "PICKELBALL");
  }

  private GoogleExerciseTypes() {}

  /** SyncWell's sport for a Google {@code exerciseType}; unknown or absent is OTHER. */
  public static SportType fromGoogle(String exerciseType) {
    if (exerciseType == null) {
      return SportType.OTHER;
    }
    return FROM_GOOGLE.getOrDefault(exerciseType, SportType.OTHER);
  }

  /** The Google {@code exerciseType} to write for {@code sport}. */
  public static String toGoogle(SportType sport) {
    return TO_GOOGLE.get(Objects.requireNonNull(sport, "sport"));
  }

  /** Every Google value this table maps to something other than OTHER, and OTHER itself. */
  static Map<String, SportType> known() {
    return FROM_GOOGLE;
  }
}
