package com.syncwell.simulator.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One day's steps as one-minute intervals during walking bouts (a device writes no point for a
 * minute without steps), synthesised from the person's seed and the date.
 */
public final class StepsSynth {
  private StepsSynth() {}

  public static List<StepsInterval> day(Person person, LocalDate date) {
    SplittableRandom rng =
        new SplittableRandom(Mix.of(person.seed() ^ 0x57E95L, date.toEpochDay()));
    int bouts = 8 + rng.nextInt(8);
    List<StepsInterval> out = new ArrayList<>();
    int minute = 7 * 60 + rng.nextInt(60);
    for (int b = 0; b < bouts && minute < 22 * 60; b++) {
      int length = 3 + rng.nextInt(28);
      int pace = 70 + rng.nextInt(45);
      for (int m = 0; m < length && minute < 23 * 60; m++, minute++) {
        ZonedDateTime at =
            date.atTime(LocalTime.of(minute / 60, minute % 60)).atZone(person.zone());
        Instant start = at.toInstant();
        long count = Math.max(1, pace + rng.nextInt(21) - 10);
        out.add(new StepsInterval(start, start.plusSeconds(60), at.getOffset(), count));
      }
      minute += 20 + rng.nextInt(70);
    }
    return out;
  }
}
