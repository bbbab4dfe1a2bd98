package com.syncwell.domain;

/**
 * The closed set of workout kinds, covering the providers' own types. Each belongs to a {@link
 * SportFamily}; matching treats types of one family as compatible and {@link #OTHER} as compatible
 * with everything.
 */
public enum SportType {
  RUNNING(SportFamily.RUNNING),
  TRAIL_RUNNING(SportFamily.RUNNING),
  TREADMILL_RUNNING(SportFamily.RUNNING),
  VIRTUAL_RUNNING(SportFamily.RUNNING),
  WALKING(SportFamily.WALKING),
  HIKING(SportFamily.WALKING),
  CYCLING(SportFamily.CYCLING),
  MOUNTAIN_BIKING(SportFamily.CYCLING),
  GRAVEL_CYCLING(SportFamily.CYCLING),
  E_BIKING(SportFamily.CYCLING),
  E_MOUNTAIN_BIKING(SportFamily.CYCLING),
  INDOOR_CYCLING(SportFamily.CYCLING),
  VIRTUAL_CYCLING(SportFamily.CYCLING),
  HANDCYCLING(SportFamily.CYCLING),
  VELOMOBILE(SportFamily.CYCLING),
  SWIMMING(SportFamily.SWIMMING),
  OPEN_WATER_SWIMMING(SportFamily.SWIMMING),
  ROWING(SportFamily.PADDLING),
  INDOOR_ROWING(SportFamily.PADDLING),
  KAYAKING(SportFamily.PADDLING),
  CANOEING(SportFamily.PADDLING),
  STAND_UP_PADDLING(SportFamily.PADDLING),
  SURFING(SportFamily.WATER),
  KITESURFING(SportFamily.WATER),
  WINDSURFING(SportFamily.WATER),
  SAILING(SportFamily.WATER),
  ALPINE_SKIING(SportFamily.SNOW),
  BACKCOUNTRY_SKIING(SportFamily.SNOW),
  CROSS_COUNTRY_SKIING(SportFamily.SNOW),
  SNOWBOARDING(SportFamily.SNOW),
  SNOWSHOEING(SportFamily.SNOW),
  ICE_SKATING(SportFamily.SKATING),
  INLINE_SKATING(SportFamily.SKATING),
  SKATEBOARDING(SportFamily.SKATING),
  ROCK_CLIMBING(SportFamily.CLIMBING),
  STAIR_CLIMBING(SportFamily.FITNESS),
  ELLIPTICAL(SportFamily.FITNESS),
  WEIGHT_TRAINING(SportFamily.FITNESS),
  CROSSFIT(SportFamily.FITNESS),
  HIIT(SportFamily.FITNESS),
  WORKOUT(SportFamily.FITNESS),
  YOGA(SportFamily.MIND_BODY),
  PILATES(SportFamily.MIND_BODY),
  GOLF(SportFamily.BALL),
  TENNIS(SportFamily.RACKET),
  BADMINTON(SportFamily.RACKET),
  TABLE_TENNIS(SportFamily.RACKET),
  SQUASH(SportFamily.RACKET),
  PICKLEBALL(SportFamily.RACKET),
  RACQUETBALL(SportFamily.RACKET),
  SOCCER(SportFamily.BALL),
  BASKETBALL(SportFamily.BALL),
  VOLLEYBALL(SportFamily.BALL),
  WHEELCHAIR(SportFamily.WHEELCHAIR),
  OTHER(SportFamily.OTHER);

  private final SportFamily family;

  SportType(SportFamily family) {
    this.family = family;
  }

  public SportFamily family() {
    return family;
  }

  /**
   * True when a workout of this type and one of {@code other} can be the same activity recorded
   * twice: same family (running ~ trail running), or either is {@link #OTHER}.
   */
  public boolean isCompatibleWith(SportType other) {
    return this == OTHER || other == OTHER || family == other.family;
  }
}
