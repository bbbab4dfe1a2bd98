package com.syncwell.engine.worker;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How often the scheduler runs a config, by the user's plan tier: {@code PRO} every {@code pro},
 * {@code FREE} — and any config whose tier is unknown — every {@code free}.
 */
public record ScheduleIntervals(Duration pro, Duration free) {
  public static final ScheduleIntervals DEFAULT =
      new ScheduleIntervals(Duration.ofMinutes(15), Duration.ofDays(1));

  public ScheduleIntervals {
    requirePositive("pro", pro);
    requirePositive("free", free);
  }

  /** The interval of a config with {@code tier}. */
  public Duration of(Optional<String> tier) {
    return tier.map(t -> t.toUpperCase(Locale.ROOT)).filter("PRO"::equals).isPresent() ? pro : free;
  }

  private static void requirePositive(String tier, Duration interval) {
    Objects.requireNonNull(interval, tier);
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(tier + " interval must be positive, was " + interval);
    }
  }
}
