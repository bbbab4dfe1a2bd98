package com.syncwell.simulator.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One person's records on one provider. Small collections are stored; steps are synthesised per day
 * from {@code stepsFrom} on, plus added intervals, minus cleared days.
 */
public final class ProviderStore {
  private final Person person;
  private final LocalDate stepsFrom;
  private final Map<String, SimWorkout> workouts = new LinkedHashMap<>();
  private final Map<String, SimSleep> sleeps = new LinkedHashMap<>();
  private final Map<String, SimWeight> weights = new LinkedHashMap<>();
  private final Map<LocalDate, SimRestingHeartRate> restingHeartRates = new TreeMap<>();
  private final List<StepsInterval> addedSteps = new ArrayList<>();
  private final java.util.Map<String, String> notes = new java.util.HashMap<>();
  private final Set<LocalDate> clearedStepDays = new HashSet<>();
  private final boolean hasDailyData;

  public ProviderStore(Person person, LocalDate stepsFrom, boolean hasDailyData) {
    this.person = person;
    this.stepsFrom = stepsFrom;
    this.hasDailyData = hasDailyData;
  }

  public Person person() {
    return person;
  }

  /** Free-form {@code notes} of a data point written through the API (Google keeps them). */
  public synchronized Optional<String> notes(String id) {
    return Optional.ofNullable(notes.get(id));
  }

  public synchronized void putNotes(String id, String text) {
    if (text != null && !text.isEmpty()) {
      notes.put(id, text);
    }
  }

  public synchronized List<SimWorkout> workouts() {
    List<SimWorkout> all = new ArrayList<>(workouts.values());
    all.sort(Comparator.comparing(SimWorkout::start));
    return all;
  }

  public synchronized Optional<SimWorkout> workout(String id) {
    return Optional.ofNullable(workouts.get(id));
  }

  public synchronized void put(SimWorkout workout) {
    workouts.put(workout.id(), workout);
  }

  public synchronized Optional<SimWorkout> removeWorkout(String id) {
    return Optional.ofNullable(workouts.remove(id));
  }

  public synchronized List<SimSleep> sleeps() {
    List<SimSleep> all = new ArrayList<>(sleeps.values());
    all.sort(Comparator.comparing(SimSleep::start));
    return all;
  }

  public synchronized void put(SimSleep sleep) {
    sleeps.put(sleep.id(), sleep);
  }

  public synchronized Optional<SimSleep> sleep(String id) {
    return Optional.ofNullable(sleeps.get(id));
  }

  public synchronized Optional<SimSleep> removeSleep(String id) {
    return Optional.ofNullable(sleeps.remove(id));
  }

  public synchronized List<SimWeight> weights() {
    List<SimWeight> all = new ArrayList<>(weights.values());
    all.sort(Comparator.comparing(w -> w.weight().time()));
    return all;
  }

  public synchronized void put(SimWeight weight) {
    weights.put(weight.id(), weight);
  }

  public synchronized Optional<SimWeight> weight(String id) {
    return Optional.ofNullable(weights.get(id));
  }

  public synchronized Optional<SimWeight> removeWeight(String id) {
    return Optional.ofNullable(weights.remove(id));
  }

  public synchronized List<SimRestingHeartRate> restingHeartRates() {
    return new ArrayList<>(restingHeartRates.values());
  }

  public synchronized void put(SimRestingHeartRate value) {
    restingHeartRates.put(value.value().date(), value);
  }

  public synchronized Optional<SimRestingHeartRate> removeRestingHeartRate(LocalDate date) {
    return Optional.ofNullable(restingHeartRates.remove(date));
  }

  public synchronized void addSteps(StepsInterval interval) {
    addedSteps.add(interval);
  }

  public synchronized void clearStepDay(LocalDate day) {
    clearedStepDays.add(day);
    addedSteps.removeIf(s -> s.start().atOffset(s.offset()).toLocalDate().equals(day));
  }

  /** Steps intervals ending by {@code now} and overlapping [from, to), oldest first. */
  public List<StepsInterval> steps(Instant from, Instant to, Instant now) {
    List<StepsInterval> out = new ArrayList<>();
    if (!hasDailyData) {
      return out;
    }
    Instant upper = to.isBefore(now) ? to : now;
    if (!from.isBefore(upper)) {
      return out;
    }
    LocalDate first = from.atZone(person.zone()).toLocalDate().minusDays(1);
    if (first.isBefore(stepsFrom)) {
      first = stepsFrom;
    }
    LocalDate last = upper.atZone(person.zone()).toLocalDate().plusDays(1);
    Set<LocalDate> cleared;
    List<StepsInterval> added;
    synchronized (this) {
      cleared = Set.copyOf(clearedStepDays);
      added = List.copyOf(addedSteps);
    }
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      if (cleared.contains(d)) {
        continue;
      }
      for (StepsInterval s : StepsSynth.day(person, d)) {
        if (!s.end().isAfter(now) && s.end().isAfter(from) && s.start().isBefore(upper)) {
          out.add(s);
        }
      }
    }
    for (StepsInterval s : added) {
      if (s.end().isAfter(from) && s.start().isBefore(upper)) {
        out.add(s);
      }
    }
    out.sort(Comparator.comparing(StepsInterval::start));
    return out;
  }

  public LocalDate stepsFrom() {
    return stepsFrom;
  }
}
