package com.syncwell.connector.strava;

import com.syncwell.domain.SportType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Strava's {@code sport_type} (and the legacy {@code type}) to and from {@link SportType}. Unknown
 * values read as {@link SportType#OTHER}; every {@link SportType} writes as a Strava value that
 * reads back in the same family.
 */
public final class StravaSportTypes {
  private static final Map<String, SportType> READ = new LinkedHashMap<>();
  private static final Map<SportType, String> WRITE = new EnumMap<>(SportType.class);

  static {
    read("Run", SportType.RUNNING);
    read("TrailRun", SportType.TRAIL_RUNNING);
    read("VirtualRun", SportType.VIRTUAL_RUNNING);
    read("Walk", SportType.WALKING);
    read("Hike", SportType.HIKING);
    read("Ride", SportType.CYCLING);
    read("MountainBikeRide", SportType.MOUNTAIN_BIKING);
    read("GravelRide", SportType.GRAVEL_CYCLING);
    read("EBikeRide", SportType.E_BIKING);
    read("EMountainBikeRide", SportType.E_MOUNTAIN_BIKING);
    read("VirtualRide", SportType.VIRTUAL_CYCLING);
    read("Velomobile", SportType.VELOMOBILE);
    read("Handcycle", SportType.HANDCYCLING);
    read("Swim", SportType.SWIMMING);
    read("Rowing", SportType.ROWING);
    read("VirtualRow", SportType.INDOOR_ROWING);
    read("Kayaking", SportType.KAYAKING);
    read("Canoeing", SportType.CANOEING);
    read("StandUpPaddling", SportType.STAND_UP_PADDLING);
    read("Surfing", SportType.SURFING);
    read("Kitesurf", SportType.KITESURFING);
    read("Windsurf", SportType.WINDSURFING);
    read("Sail", SportType.SAILING);
    read("AlpineSki", SportType.ALPINE_SKIING);
    read("BackcountrySki", SportType.BACKCOUNTRY_SKIING);
    read("NordicSki", SportType.CROSS_COUNTRY_SKIING);
    read("RollerSki", SportType.CROSS_COUNTRY_SKIING);
    read("Snowboard", SportType.SNOWBOARDING);
    read("Snowshoe", SportType.SNOWSHOEING);
    read("IceSkate", SportType.ICE_SKATING);
    read("InlineSkate", SportType.INLINE_SKATING);
    read("Skateboard", SportType.SKATEBOARDING);
    read("RockClimbing", SportType.ROCK_CLIMBING);
    read("StairStepper", SportType.STAIR_CLIMBING);
    read("Elliptical", SportType.ELLIPTICAL);
    read("WeightTraining", SportType.WEIGHT_TRAINING);
    read("Crossfit", SportType.CROSSFIT);
    read("HighIntensityIntervalTraining", SportType.HIIT);
    read("Workout", SportType.WORKOUT);
    read("Yoga", SportType.YOGA);
    read("Pilates", SportType.PILATES);
    read("Golf", SportType.GOLF);
    read("Tennis", SportType.TENNIS);
    read("Badminton", SportType.BADMINTON);
    read("TableTennis", SportType.TABLE_TENNIS);
    read("Squash", SportType.SQUASH);
    read("Pickleball", SportType.PICKLEBALL);
    read("Racquetball", SportType.RACQUETBALL);
    read("Soccer", SportType.SOCCER);
    read("Basketball", SportType.BASKETBALL);
    read("Volleyball", SportType.VOLLEYBALL);
    read("Wheelchair", SportType.WHEELCHAIR);

    for (Map.Entry<String, SportType> e : READ.entrySet()) {
      WRITE.putIfAbsent(e.getValue(), e.getKey()); // first listed wins (NordicSki over RollerSki)
    }
    WRITE.put(SportType.TREADMILL_RUNNING, "Run"); // with trainer=true
    WRITE.put(SportType.INDOOR_CYCLING, "Ride"); // with trainer=true
    WRITE.put(SportType.OPEN_WATER_SWIMMING, "Swim");
    WRITE.put(SportType.OTHER, "Workout");
  }

  private StravaSportTypes() {}

  private static void read(String strava, SportType type) {
    READ.put(strava, type);
  }

  /**
   * The sport of an activity: its {@code sport_type}, else its legacy {@code type}, else {@link
   * SportType#OTHER}.
   */
  public static SportType fromStrava(String sportType, String legacyType) {
    return known(sportType).or(() -> known(legacyType)).orElse(SportType.OTHER);
  }

  /** The {@code sport_type} to write for {@code type}. */
  public static String toStrava(SportType type) {
    String value = WRITE.get(type);
    if (value == null) {
      throw new IllegalStateException("no Strava sport type for " + type);
    }
    return value;
  }

  /** True for the indoor kinds Strava records as a normal sport with {@code trainer=true}. */
  public static boolean isTrainer(SportType type) {
    return type == SportType.TREADMILL_RUNNING
        || type == SportType.INDOOR_CYCLING
        || type == SportType.INDOOR_ROWING
        || type == SportType.VIRTUAL_CYCLING
        || type == SportType.VIRTUAL_RUNNING;
  }

  /** Every Strava value this table reads, in the order of the table. */
  public static Map<String, SportType> table() {
    return Collections.unmodifiableMap(READ);
  }

  private static Optional<SportType> known(String value) {
    return Optional.ofNullable(value).map(READ::get);
  }
}
