package com.syncwell.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class UnitConversionTest {
  private static final Percentage TENTH_OF_A_PERCENT = Percentage.withPercentage(0.1);

  @Test
  void a_kilocalorie_is_4184_joules() {
    assertThat(UnitConversion.kilocaloriesToJoules(1)).isEqualTo(4184.0);
    assertThat(UnitConversion.kilocaloriesToJoules(523)).isCloseTo(2_188_232, TENTH_OF_A_PERCENT);
    assertThat(UnitConversion.joulesToKilocalories(2_188_232)).isCloseTo(523, within(1e-9));
  }

  @Test
  void pounds_convert_with_the_international_definition() {
    assertThat(UnitConversion.poundsToKilograms(100)).isCloseTo(45.359237, within(1e-12));
    assertThat(UnitConversion.kilogramsToPounds(90.2)).isCloseTo(198.85, TENTH_OF_A_PERCENT);
  }

  @Test
  void a_marathon_in_miles_is_42195_metres() {
    assertThat(UnitConversion.milesToMetres(26.21875)).isCloseTo(42_195, TENTH_OF_A_PERCENT);
    assertThat(UnitConversion.metresToMiles(1609.344)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void feet_millimetres_and_grams_convert_to_metres_and_kilograms() {
    assertThat(UnitConversion.feetToMetres(29_032)).isCloseTo(8848.95, TENTH_OF_A_PERCENT);
    assertThat(UnitConversion.millimetresToMetres(5_012_345)).isCloseTo(5012.345, within(1e-9));
    assertThat(UnitConversion.metresToMillimetres(1.5)).isEqualTo(1500.0);
    assertThat(UnitConversion.gramsToKilograms(90_200)).isCloseTo(90.2, within(1e-12));
    assertThat(UnitConversion.kilogramsToGrams(72.5)).isEqualTo(72_500.0);
  }

  @Test
  void conversions_round_trip_without_drift() {
    double value = 12_345.678;
    assertThat(UnitConversion.joulesToKilocalories(UnitConversion.kilocaloriesToJoules(value)))
        .isCloseTo(value, within(1e-9));
    assertThat(UnitConversion.kilogramsToPounds(UnitConversion.poundsToKilograms(value)))
        .isCloseTo(value, within(1e-9));
    assertThat(UnitConversion.metresToMiles(UnitConversion.milesToMetres(value)))
        .isCloseTo(value, within(1e-9));
  }
}
