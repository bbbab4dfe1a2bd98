package com.syncwell.connector.files;

import com.syncwell.domain.SportType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sport table for GPX's free-text {@code <type>}: written as the lower-case type name (which is
 * Garmin Connect's name for most types), read from that or from the names Strava and Garmin use,
 * ignoring case and punctuation.
 */
final class GpxSports {
  private static final Map<String, SportType> BY_NAME = new HashMap<>();

  static {
    for (SportType type : SportType.values()) {
      BY_NAME.put(normalized(type.name()), type);
    }
    alias(SportType.RUNNING, "run", "street running");
    alias(SportType.TRAIL_RUNNING, "TrailRun");
    alias(SportType.TREADMILL_RUNNING, "treadmill", "indoor running");
    alias(SportType.VIRTUAL_RUNNING, "VirtualRun");
    alias(SportType.WALKING, "walk", "casual walking", "speed walking");
    alias(SportType.HIKING, "hike", "mountaineering");
    alias(SportType.CYCLING, "ride", "biking", "bike", "road biking", "road cycling");
    alias(SportType.MOUNTAIN_BIKING, "MountainBikeRide", "mtb");
    alias(SportType.GRAVEL_CYCLING, "GravelRide");
    alias(SportType.E_BIKING, "EBikeRide");
    alias(SportType.E_MOUNTAIN_BIKING, "EMountainBikeRide");
    alias(SportType.INDOOR_CYCLING, "spinning");
    alias(SportType.VIRTUAL_CYCLING, "VirtualRide");
    alias(SportType.HANDCYCLING, "Handcycle");
    alias(SportType.SWIMMING, "swim", "lap swimming", "pool swimming");
    alias(SportType.STAND_UP_PADDLING, "sup", "stand up paddleboarding");
    alias(SportType.KITESURFING, "Kitesurf");
    alias(SportType.WINDSURFING, "Windsurf");
    alias(SportType.SAILING, "Sail");
    alias(SportType.ALPINE_SKIING, "AlpineSki");
    alias(SportType.BACKCOUNTRY_SKIING, "BackcountrySki");
    alias(SportType.CROSS_COUNTRY_SKIING, "NordicSki");
    alias(SportType.SNOWBOARDING, "Snowboard");
    alias(SportType.SNOWSHOEING, "Snowshoe");
    alias(SportType.ICE_SKATING, "IceSkate");
    alias(SportType.INLINE_SKATING, "InlineSkate");
    alias(SportType.SKATEBOARDING, "Skateboard");
    alias(SportType.STAIR_CLIMBING, "StairStepper");
    alias(SportType.WEIGHT_TRAINING, "strength training");
    alias(SportType.HIIT, "HighIntensityIntervalTraining");
  }

  private GpxSports() {}

  /** The {@code <type>} written for a sport type. */
  static String nameOf(SportType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  /** The sport type a {@code <type>} names, if known. */
  static Optional<SportType> typeOf(String name) {
    return Optional.ofNullable(name).map(GpxSports::normalized).map(BY_NAME::get);
  }

  private static void alias(SportType type, String... names) {
    for (String name : names) {
      BY_NAME.put(normalized(name), type);
    }
  }

  private static String normalized(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
