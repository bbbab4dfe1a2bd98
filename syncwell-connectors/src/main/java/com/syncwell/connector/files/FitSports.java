package com.syncwell.connector.files;

import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import com.syncwell.domain.SportType;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The sport table between {@link SportType} and FIT's sport and sub-sport. Writing uses one pair
 * per type; reading knows those pairs and further common ones, then falls back on the sport alone.
 */
final class FitSports {
  /** A FIT sport with its sub-sport. */
  record Pair(Sport sport, SubSport subSport) {}

  private static final Map<SportType, Pair> WRITTEN = new EnumMap<>(SportType.class);
  private static final Map<Pair, SportType> READ = new HashMap<>();
  private static final Map<Sport, SportType> BY_SPORT = new EnumMap<>(Sport.class);

  static {
    write(SportType.RUNNING, Sport.RUNNING, SubSport.GENERIC);
    write(SportType.TRAIL_RUNNING, Sport.RUNNING, SubSport.TRAIL);
    write(SportType.TREADMILL_RUNNING, Sport.RUNNING, SubSport.TREADMILL);
    write(SportType.VIRTUAL_RUNNING, Sport.RUNNING, SubSport.VIRTUAL_ACTIVITY);
    write(SportType.WALKING, Sport.WALKING, SubSport.GENERIC);
    write(SportType.HIKING, Sport.HIKING, SubSport.GENERIC);
    write(SportType.CYCLING, Sport.CYCLING, SubSport.GENERIC);
    write(SportType.MOUNTAIN_BIKING, Sport.CYCLING, SubSport.MOUNTAIN);
    write(SportType.GRAVEL_CYCLING, Sport.CYCLING, SubSport.GRAVEL_CYCLING);
    write(SportType.E_BIKING, Sport.E_BIKING, SubSport.GENERIC);
    write(SportType.E_MOUNTAIN_BIKING, Sport.E_BIKING, SubSport.E_BIKE_MOUNTAIN);
    write(SportType.INDOOR_CYCLING, Sport.CYCLING, SubSport.INDOOR_CYCLING);
    write(SportType.VIRTUAL_CYCLING, Sport.CYCLING, SubSport.VIRTUAL_ACTIVITY);
    write(SportType.HANDCYCLING, Sport.CYCLING, SubSport.HAND_CYCLING);
    // FIT has no velomobile; a recumbent is the nearest, and reads back as plain cycling.
    WRITTEN.put(SportType.VELOMOBILE, new Pair(Sport.CYCLING, SubSport.RECUMBENT));
    write(SportType.SWIMMING, Sport.SWIMMING, SubSport.LAP_SWIMMING);
    write(SportType.OPEN_WATER_SWIMMING, Sport.SWIMMING, SubSport.OPEN_WATER);
    write(SportType.ROWING, Sport.ROWING, SubSport.GENERIC);
    write(SportType.INDOOR_ROWING, Sport.ROWING, SubSport.INDOOR_ROWING);
    write(SportType.KAYAKING, Sport.KAYAKING, SubSport.GENERIC);
    write(SportType.CANOEING, Sport.CANOEING, SubSport.GENERIC);
    write(SportType.STAND_UP_PADDLING, Sport.STAND_UP_PADDLEBOARDING, SubSport.GENERIC);
    write(SportType.SURFING, Sport.SURFING, SubSport.GENERIC);
    write(SportType.KITESURFING, Sport.KITESURFING, SubSport.GENERIC);
    write(SportType.WINDSURFING, Sport.WINDSURFING, SubSport.GENERIC);
    write(SportType.SAILING, Sport.SAILING, SubSport.GENERIC);
    write(SportType.ALPINE_SKIING, Sport.ALPINE_SKIING, SubSport.GENERIC);
    write(SportType.BACKCOUNTRY_SKIING, Sport.ALPINE_SKIING, SubSport.BACKCOUNTRY);
    write(SportType.CROSS_COUNTRY_SKIING, Sport.CROSS_COUNTRY_SKIING, SubSport.GENERIC);
    write(SportType.SNOWBOARDING, Sport.SNOWBOARDING, SubSport.GENERIC);
    write(SportType.SNOWSHOEING, Sport.SNOWSHOEING, SubSport.GENERIC);
    write(SportType.ICE_SKATING, Sport.ICE_SKATING, SubSport.GENERIC);
    write(SportType.INLINE_SKATING, Sport.INLINE_SKATING, SubSport.GENERIC);
    // FIT has no skateboarding: written as generic, it reads back as OTHER.
    WRITTEN.put(SportType.SKATEBOARDING, new Pair(Sport.GENERIC, SubSport.GENERIC));
    write(SportType.ROCK_CLIMBING, Sport.ROCK_CLIMBING, SubSport.GENERIC);
    write(SportType.STAIR_CLIMBING, Sport.FITNESS_EQUIPMENT, SubSport.STAIR_CLIMBING);
    write(SportType.ELLIPTICAL, Sport.FITNESS_EQUIPMENT, SubSport.ELLIPTICAL);
    write(SportType.WEIGHT_TRAINING, Sport.TRAINING, SubSport.STRENGTH_TRAINING);
    // FIT has no CrossFit: written as cardio training, it reads back as WORKOUT.
    WRITTEN.put(SportType.CROSSFIT, new Pair(Sport.TRAINING, SubSport.CARDIO_TRAINING));
    write(SportType.HIIT, Sport.HIIT, SubSport.GENERIC);
    write(SportType.WORKOUT, Sport.TRAINING, SubSport.GENERIC);
    write(SportType.YOGA, Sport.TRAINING, SubSport.YOGA);
    write(SportType.PILATES, Sport.TRAINING, SubSport.PILATES);
    write(SportType.GOLF, Sport.GOLF, SubSport.GENERIC);
    write(SportType.TENNIS, Sport.TENNIS, SubSport.GENERIC);
    write(SportType.BADMINTON, Sport.RACKET, SubSport.BADMINTON);
    write(SportType.TABLE_TENNIS, Sport.RACKET, SubSport.TABLE_TENNIS);
    write(SportType.SQUASH, Sport.RACKET, SubSport.SQUASH);
    write(SportType.PICKLEBALL, Sport.RACKET, SubSport.PICKLEBALL);
    write(SportType.RACQUETBALL, Sport.RACKET, SubSport.RACQUETBALL);
    write(SportType.SOCCER, Sport.SOCCER, SubSport.GENERIC);
    write(SportType.BASKETBALL, Sport.BASKETBALL, SubSport.GENERIC);
    write(SportType.VOLLEYBALL, Sport.VOLLEYBALL, SubSport.GENERIC);
    write(SportType.WHEELCHAIR, Sport.WHEELCHAIR_PUSH_WALK, SubSport.GENERIC);
    write(SportType.OTHER, Sport.GENERIC, SubSport.GENERIC);

    // Further pairs devices write.
    read(Sport.RUNNING, SubSport.INDOOR_RUNNING, SportType.TREADMILL_RUNNING);
    read(Sport.RUNNING, SubSport.STREET, SportType.RUNNING);
    read(Sport.RUNNING, SubSport.TRACK, SportType.RUNNING);
    read(Sport.WALKING, SubSport.INDOOR_WALKING, SportType.WALKING);
    read(Sport.CYCLING, SubSport.ROAD, SportType.CYCLING);
    read(Sport.CYCLING, SubSport.SPIN, SportType.INDOOR_CYCLING);
    read(Sport.CYCLING, SubSport.DOWNHILL, SportType.MOUNTAIN_BIKING);
    read(Sport.CYCLING, SubSport.INDOOR_HAND_CYCLING, SportType.HANDCYCLING);
    read(Sport.CYCLING, SubSport.E_BIKE_MOUNTAIN, SportType.E_MOUNTAIN_BIKING);
    read(Sport.FITNESS_EQUIPMENT, SubSport.TREADMILL, SportType.TREADMILL_RUNNING);
    read(Sport.FITNESS_EQUIPMENT, SubSport.INDOOR_CYCLING, SportType.INDOOR_CYCLING);
    read(Sport.FITNESS_EQUIPMENT, SubSport.INDOOR_ROWING, SportType.INDOOR_ROWING);
    read(Sport.FITNESS_EQUIPMENT, SubSport.GENERIC, SportType.WORKOUT);
    read(Sport.TRAINING, SubSport.HIIT, SportType.HIIT);
    read(Sport.TRAINING, SubSport.CARDIO_TRAINING, SportType.WORKOUT);
    read(Sport.TRAINING, SubSport.FLEXIBILITY_TRAINING, SportType.WORKOUT);
    read(Sport.ALPINE_SKIING, SubSport.RESORT, SportType.ALPINE_SKIING);
    read(Sport.CROSS_COUNTRY_SKIING, SubSport.BACKCOUNTRY, SportType.BACKCOUNTRY_SKIING);
    read(Sport.ROCK_CLIMBING, SubSport.INDOOR_CLIMBING, SportType.ROCK_CLIMBING);
    read(Sport.ROCK_CLIMBING, SubSport.BOULDERING, SportType.ROCK_CLIMBING);
    read(Sport.SWIMMING, SubSport.GENERIC, SportType.SWIMMING);

    // The sport alone, when the sub-sport is missing or not in the table.
    bySport(Sport.RUNNING, SportType.RUNNING);
    bySport(Sport.WALKING, SportType.WALKING);
    bySport(Sport.HIKING, SportType.HIKING);
    bySport(Sport.MOUNTAINEERING, SportType.HIKING);
    bySport(Sport.CYCLING, SportType.CYCLING);
    bySport(Sport.E_BIKING, SportType.E_BIKING);
    bySport(Sport.SWIMMING, SportType.SWIMMING);
    bySport(Sport.ROWING, SportType.ROWING);
    bySport(Sport.KAYAKING, SportType.KAYAKING);
    bySport(Sport.CANOEING, SportType.CANOEING);
    bySport(Sport.STAND_UP_PADDLEBOARDING, SportType.STAND_UP_PADDLING);
    bySport(Sport.SURFING, SportType.SURFING);
    bySport(Sport.KITESURFING, SportType.KITESURFING);
    bySport(Sport.WINDSURFING, SportType.WINDSURFING);
    bySport(Sport.SAILING, SportType.SAILING);
    bySport(Sport.ALPINE_SKIING, SportType.ALPINE_SKIING);
    bySport(Sport.CROSS_COUNTRY_SKIING, SportType.CROSS_COUNTRY_SKIING);
    bySport(Sport.SNOWBOARDING, SportType.SNOWBOARDING);
    bySport(Sport.SNOWSHOEING, SportType.SNOWSHOEING);
    bySport(Sport.ICE_SKATING, SportType.ICE_SKATING);
    bySport(Sport.INLINE_SKATING, SportType.INLINE_SKATING);
    bySport(Sport.ROCK_CLIMBING, SportType.ROCK_CLIMBING);
    bySport(Sport.FITNESS_EQUIPMENT, SportType.WORKOUT);
    bySport(Sport.TRAINING, SportType.WORKOUT);
    bySport(Sport.HIIT, SportType.HIIT);
    bySport(Sport.FLOOR_CLIMBING, SportType.STAIR_CLIMBING);
    bySport(Sport.GOLF, SportType.GOLF);
    bySport(Sport.TENNIS, SportType.TENNIS);
    bySport(Sport.SOCCER, SportType.SOCCER);
    bySport(Sport.BASKETBALL, SportType.BASKETBALL);
    bySport(Sport.VOLLEYBALL, SportType.VOLLEYBALL);
    bySport(Sport.WHEELCHAIR_PUSH_WALK, SportType.WHEELCHAIR);
    bySport(Sport.WHEELCHAIR_PUSH_RUN, SportType.WHEELCHAIR);
  }

  private FitSports() {}

  /** The pair written for a type. */
  static Pair of(SportType type) {
    return WRITTEN.get(type);
  }

  /** The type of a sport and sub-sport as a file gives them (either may be missing). */
  static SportType typeOf(Sport sport, SubSport subSport) {
    if (sport == null) {
      return SportType.OTHER;
    }
    SportType exact = READ.get(new Pair(sport, subSport == null ? SubSport.GENERIC : subSport));
    return exact != null ? exact : BY_SPORT.getOrDefault(sport, SportType.OTHER);
  }

  private static void write(SportType type, Sport sport, SubSport subSport) {
    Pair pair = new Pair(sport, subSport);
    WRITTEN.put(type, pair);
    READ.put(pair, type);
  }

  private static void read(Sport sport, SubSport subSport, SportType type) {
    READ.put(new Pair(sport, subSport), type);
  }

  private static void bySport(Sport sport, SportType type) {
    BY_SPORT.put(sport, type);
  }
}
