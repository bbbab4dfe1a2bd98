package com.syncwell.domain;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/** A weighing: when, body mass in kilograms and, when measured, body fat in percent. */
public record BodyWeight(OffsetDateTime time, double kilograms, OptionalDouble fatPercent)
    implements HealthRecord {

  public BodyWeight {
    Objects.requireNonNull(time, "time");
    if (!(kilograms > 0 && kilograms <= 700)) {
      throw new IllegalArgumentException("body mass must be above 0 and at most 700 kg");
    }
    Objects.requireNonNull(fatPercent, "fatPercent");
    if (fatPercent.isPresent()
        && !(fatPercent.getAsDouble() >= 0 && fatPercent.getAsDouble() <= 100)) {
      throw new IllegalArgumentException("body fat must be 0 to 100 %");
    }
  }

  @Override
  public DataType dataType() {
    return DataType.WEIGHT;
  }

  @Override
  public String canonicalText() {
    return String.format(
        Locale.ROOT,
        "weight\ntime=%d\nkg=%.2f\nfat=%s\n",
        time.toEpochSecond(),
        kilograms,
        fatPercent.isPresent() ? String.format(Locale.ROOT, "%.1f", fatPercent.getAsDouble()) : "");
  }
}
