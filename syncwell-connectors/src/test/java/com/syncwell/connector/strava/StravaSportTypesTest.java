package com.syncwell.connector.strava;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.domain.SportType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class StravaSportTypesTest {

  @ParameterizedTest
  @CsvSource({
    "Run, RUNNING",
    "TrailRun, TRAIL_RUNNING",
    "VirtualRun, VIRTUAL_RUNNING",
    "Walk, WALKING",
    "Hike, HIKING",
    "Ride, CYCLING",
    "MountainBikeRide, MOUNTAIN_BIKING",
    "GravelRide, GRAVEL_CYCLING",
    "EBikeRide, E_BIKING",
    "EMountainBikeRide, E_MOUNTAIN_BIKING",
    "VirtualRide, VIRTUAL_CYCLING",
    "Velomobile, VELOMOBILE",
    "Handcycle, HANDCYCLING",
    "Swim, SWIMMING",
    "Rowing, ROWING",
    "VirtualRow, INDOOR_ROWING",
    "Kayaking, KAYAKING",
    "Canoeing, CANOEING",
    "StandUpPaddling, STAND_UP_PADDLING",
    "Surfing, SURFING",
    "Kitesurf, KITESURFING",
    "Windsurf, WINDSURFING",
    "Sail, SAILING",
    "AlpineSki, ALPINE_SKIING",
    "BackcountrySki, BACKCOUNTRY_SKIING",
    "NordicSki, CROSS_COUNTRY_SKIING",
    "RollerSki, CROSS_COUNTRY_SKIING",
    "Snowboard, SNOWBOARDING",
    "Snowshoe, SNOWSHOEING",
    "IceSkate, ICE_SKATING",
    "InlineSkate, INLINE_SKATING",
    "Skateboard, SKATEBOARDING",
    "RockClimbing, ROCK_CLIMBING",
    "StairStepper, STAIR_CLIMBING",
    "Elliptical, ELLIPTICAL",
    "WeightTraining, WEIGHT_TRAINING",
    "Crossfit, CROSSFIT",
    "HighIntensityIntervalTraining, HIIT",
    "Workout, WORKOUT",
    "Yoga, YOGA",
    "Pilates, PILATES",
    "Golf, GOLF",
    "Tennis, TENNIS",
    "Badminton, BADMINTON",
    "TableTennis, TABLE_TENNIS",
    "Squash, SQUASH",
    "Pickleball, PICKLEBALL",
    "Racquetball, RACQUETBALL",
    "Soccer, SOCCER",
    "Basketball, BASKETBALL",
    "Volleyball, VOLLEYBALL",
    "Wheelchair, WHEELCHAIR"
  })
  void every_current_strava_sport_type_reads_as_its_sport(String strava, SportType expected) {
    assertThat(StravaSportTypes.fromStrava(strava, null)).isEqualTo(expected);
  }

  @Test
  void the_sport_type_wins_over_the_legacy_type() {
    assertThat(StravaSportTypes.fromStrava("MountainBikeRide", "Ride"))
        .isEqualTo(SportType.MOUNTAIN_BIKING);
  }

  @Test
  void the_legacy_type_is_used_when_the_sport_type_is_missing_or_unknown() {
    assertThat(StravaSportTypes.fromStrava(null, "Ride")).isEqualTo(SportType.CYCLING);
    assertThat(StravaSportTypes.fromStrava("Quidditch", "Run")).isEqualTo(SportType.RUNNING);
  }

  @Test
  void unknown_values_read_as_other() {
    assertThat(StravaSportTypes.fromStrava("Quidditch", "Broom")).isEqualTo(SportType.OTHER);
    assertThat(StravaSportTypes.fromStrava(null, null)).isEqualTo(SportType.OTHER);
  }

  @ParameterizedTest
  @EnumSource(SportType.class)
  void every_sport_type_writes_as_a_strava_value_that_reads_back_in_the_same_family(
      SportType type) {
    String strava = StravaSportTypes.toStrava(type);
    assertThat(StravaSportTypes.table()).containsKey(strava);
    SportType back = StravaSportTypes.fromStrava(strava, null);
    if (type == SportType.OTHER) {
      assertThat(back.isCompatibleWith(type)).isTrue();
    } else {
      assertThat(back.family()).isEqualTo(type.family());
    }
  }

  @Test
  void a_strava_sport_type_that_is_its_own_kind_round_trips_exactly() {
    StravaSportTypes.table()
        .forEach(
            (strava, type) -> {
              if (!strava.equals("RollerSki")) {
                assertThat(StravaSportTypes.toStrava(type)).isEqualTo(strava);
              }
            });
  }
}
