package com.syncwell.connector.fitbit;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.domain.SportType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitbitExerciseTypesTest {

  /** A sample of the discovery document's values that SyncWell has no sport for. */
  private static final List<String> WITHOUT_SPORT =
      List.of(
          "ARCHERY",
          "BALLET",
          "BOXING",
          "CRICKET",
          "DANCING",
          "FENCING",
          "GARDENING",
          "KARATE",
          "MEDITATE",
          "PARAGLIDING",
          "RUGBY",
          "ZUMBA",
          "EXERCISE_TYPE_UNSPECIFIED");

  @Test
  void every_sport_type_round_trips_within_its_family() {
    for (SportType sport : SportType.values()) {
      String google = GoogleExerciseTypes.toGoogle(sport);
      assertThat(google).as("%s", sport).isNotNull();
      assertThat(GoogleExerciseTypes.known()).as("%s -> %s", sport, google).containsKey(google);
      assertThat(GoogleExerciseTypes.fromGoogle(google).family())
          .as("%s -> %s", sport, google)
          .isEqualTo(sport.family());
    }
  }

  @Test
  void every_mapped_google_type_round_trips_within_its_family() {
    GoogleExerciseTypes.known()
        .forEach(
            (google, sport) ->
                assertThat(
                        GoogleExerciseTypes.fromGoogle(GoogleExerciseTypes.toGoogle(sport))
                            .family())
                    .as(google)
                    .isEqualTo(sport.family()));
  }

  @Test
  void common_types_map_to_their_sport() {
    assertThat(GoogleExerciseTypes.fromGoogle("RUNNING")).isEqualTo(SportType.RUNNING);
    assertThat(GoogleExerciseTypes.fromGoogle("WALKING")).isEqualTo(SportType.WALKING);
    assertThat(GoogleExerciseTypes.fromGoogle("BIKING")).isEqualTo(SportType.CYCLING);
    assertThat(GoogleExerciseTypes.fromGoogle("SWIMMING")).isEqualTo(SportType.SWIMMING);
    assertThat(GoogleExerciseTypes.fromGoogle("HIKING")).isEqualTo(SportType.HIKING);
    assertThat(GoogleExerciseTypes.fromGoogle("TRAIL_RUN")).isEqualTo(SportType.TRAIL_RUNNING);
    assertThat(GoogleExerciseTypes.fromGoogle("PICKELBALL")).isEqualTo(SportType.PICKLEBALL);
    assertThat(GoogleExerciseTypes.toGoogle(SportType.CYCLING)).isEqualTo("BIKING");
    assertThat(GoogleExerciseTypes.toGoogle(SportType.OTHER)).isEqualTo("OTHER");
  }

  @Test
  void unknown_absent_and_unmapped_types_are_other() {
    assertThat(GoogleExerciseTypes.fromGoogle("QUIDDITCH")).isEqualTo(SportType.OTHER);
    assertThat(GoogleExerciseTypes.fromGoogle(null)).isEqualTo(SportType.OTHER);
    WITHOUT_SPORT.forEach(
        g -> assertThat(GoogleExerciseTypes.fromGoogle(g)).isEqualTo(SportType.OTHER));
  }
}
