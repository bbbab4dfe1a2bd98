package com.syncwell.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code String.format(Locale.ROOT, "%.Nf", value)} for finite doubles, without a {@link
 * java.util.Formatter} per call (which parses its pattern every time: most of the cost of
 * fingerprinting a long track). Same digits by the same rule: {@code Double.toString}'s decimal
 * rounded half up, a minus sign whenever the value's sign bit is set (so {@code -0.0000001} gives
 * {@code "-0.000000"}, as the formatter does). Fingerprints depend on these bytes; a property test
 * holds them equal to the formatter's.
 */
final class FixedDecimal {
  private FixedDecimal() {}

  static String of(double value, int decimals) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not finite: " + value);
    }
    String digits =
        new BigDecimal(Double.toString(value))
            .setScale(decimals, RoundingMode.HALF_UP)
            .toPlainString();
    boolean negative = Double.doubleToRawLongBits(value) < 0;
    return negative && digits.charAt(0) != '-' ? "-" + digits : digits;
  }
}
