package com.syncwell.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Fingerprints depend on these bytes: they must equal the formatter's for every finite double. */
class FixedDecimalTest {

  @Property(tries = 20_000)
  void any_finite_double_formats_as_the_formatter_does(
      @ForAll double value, @ForAll @IntRange(min = 0, max = 8) int decimals) {
    if (!Double.isFinite(value)) {
      return;
    }
    assertThat(FixedDecimal.of(value, decimals))
        .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", value));
  }

  @Property(tries = 20_000)
  void coordinates_and_altitudes_format_as_the_formatter_does(
      @ForAll @DoubleRange(min = -180, max = 180) double degrees,
      @ForAll @DoubleRange(min = -500, max = 9000) double metres) {
    assertThat(FixedDecimal.of(degrees, 6)).isEqualTo(String.format(Locale.ROOT, "%.6f", degrees));
    assertThat(FixedDecimal.of(metres, 1)).isEqualTo(String.format(Locale.ROOT, "%.1f", metres));
  }

  @Property(tries = 20_000)
  void values_on_a_rounding_boundary_format_as_the_formatter_does(
      @ForAll @IntRange(min = -180_000_000, max = 180_000_000) int micro,
      @ForAll @IntRange(min = 0, max = 9) int tenth) {
    double halfway = (micro * 10 + 5) / 1e7 + tenth * 1e-9;
    assertThat(FixedDecimal.of(halfway, 6)).isEqualTo(String.format(Locale.ROOT, "%.6f", halfway));
  }

  @Example
  void signs_of_zero_and_tiny_negatives_follow_the_formatter() {
    for (double v : new double[] {-0.0, 0.0, -1e-7, 1e-7, -0.05, 0.05, -0.15, 2.5e-7, -1e300}) {
      assertThat(FixedDecimal.of(v, 6)).isEqualTo(String.format(Locale.ROOT, "%.6f", v));
      assertThat(FixedDecimal.of(v, 1)).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
    }
  }

  @Example
  void infinities_and_nan_are_refused() {
    assertThatThrownBy(() -> FixedDecimal.of(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FixedDecimal.of(Double.POSITIVE_INFINITY, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
