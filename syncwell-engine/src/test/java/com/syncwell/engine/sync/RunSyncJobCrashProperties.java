package com.syncwell.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.connector.TokenSet;
import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.SportType;
import com.syncwell.domain.Workout;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobStatus;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.testkit.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over random datasets (source workouts, some already at the destination) and a random crash — a
 * provider call or a table write, at its n-th occurrence — a retry by another worker after the
 * lease ran out leaves every source workout at the destination exactly once.
 */
class RunSyncJobCrashProperties {
  private static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");

  enum Crash {
    SOURCE_LIST,
    SOURCE_FETCH,
    DESTINATION_LIST,
    DESTINATION_WRITE,
    AFTER_DESTINATION_WRITE,
    LEDGER_BEGIN,
    LEDGER_UPDATE,
    CURSOR_ADVANCE
  }

  /** One source workout: days ago (distinct), whether the destination already has its twin. */
  record Entry(int daysAgo, boolean twin) {}

  record Scenario(List<Entry> entries, Crash crash, int occurrence) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<List<Entry>> entries =
        Arbitraries.integers()
            .between(1, 29)
            .set()
            .ofMinSize(1)
            .ofMaxSize(9)
            .flatMap(
                days ->
                    Arbitraries.of(true, false)
                        .list()
                        .ofSize(days.size())
                        .map(
                            twins -> {
                              List<Integer> sorted = days.stream().sorted().toList();
                              List<Entry> out = new ArrayList<>();
                              for (int i = 0; i < sorted.size(); i++) {
                                out.add(new Entry(sorted.get(i), twins.get(i)));
                              }
                              return out;
                            }));
    return Combinators.combine(
            entries, Arbitraries.of(Crash.class), Arbitraries.integers().between(1, 4))
        .as(Scenario::new);
  }

  @Property(tries = 40)
  void a_crash_anywhere_then_a_retry_leaves_every_workout_at_the_destination_once(
      @ForAll("scenarios") Scenario scenario) throws IOException {
    Path dir = Files.createTempDirectory("runsync-property");
    MutableClock clock = new MutableClock(NOW);
    FakeProvider source = new FakeProvider("alpha");
    FakeProvider destination = new FakeProvider("beta");
    CrashingTable[] crashing = new CrashingTable[1];
    try (SyncBed bed =
        new SyncBed(
            dir,
            clock,
            Map.of("alpha", source, "beta", destination),
            SyncSettings.DEFAULT,
            t -> crashing[0] = new CrashingTable(t))) {
      List<Workout> workouts = new ArrayList<>();
      for (Entry e : scenario.entries()) {
        OffsetDateTime start =
            NOW.minus(Duration.ofDays(e.daysAgo())).atOffset(ZoneOffset.ofHours(2));
        Workout w = FakeProvider.workout(SportType.RUNNING, "w", start, Duration.ofMinutes(40));
        workouts.add(w);
        source.add(w);
        if (e.twin()) {
          destination.add(
              FakeProvider.workout(
                  SportType.RUNNING, "twin", start.plusSeconds(2), Duration.ofMinutes(40)));
        }
      }
      Connection from = bed.connect("alpha", "a", tokens());
      Connection to = bed.connect("beta", "b", tokens());
      SyncConfig config = bed.config(from, to, ConflictStrategy.SOURCE_WINS);
      Job job = bed.job(config);
      arm(scenario, source, destination, crashing[0]);

      try {
        bed.run(job, "worker-1");
      } catch (CrashingTable.Crash expected) {
        // the process died here
      }
      clock.advance(SyncSettings.DEFAULT.lease().plusSeconds(1));
      source.clearFailures();
      destination.clearFailures();
      crashing[0].disarm();
      JobRun retry = bed.run(job, "worker-2");
      if (retry instanceof JobRun.NotRun) {
        // the first attempt finished before the crash point was reached
        assertThat(bed.jobs.get(SyncBed.USER, job.jobId()).orElseThrow().status())
            .isEqualTo(JobStatus.SUCCEEDED);
      }

      List<Workout> there = destination.workouts();
      for (Workout w : workouts) {
        assertThat(
                there.stream()
                    .filter(
                        d ->
                            Duration.between(d.start(), w.start())
                                    .abs()
                                    .compareTo(Duration.ofMinutes(1))
                                <= 0)
                    .count())
            .isEqualTo(1);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (UncheckedIOException ignored) {
        // best effort
      }
    }
  }

  private static void arm(
      Scenario s, FakeProvider source, FakeProvider destination, CrashingTable table) {
    Supplier<RuntimeException> crash = () -> new CrashingTable.Crash(s.crash().name());
    int n = s.occurrence();
    switch (s.crash()) {
      case SOURCE_LIST -> source.failAt(FakeProvider.Step.LIST, n, crash);
      case SOURCE_FETCH -> source.failAt(FakeProvider.Step.FETCH, n, crash);
      case DESTINATION_LIST -> destination.failAt(FakeProvider.Step.LIST, n, crash);
      case DESTINATION_WRITE -> destination.failAt(FakeProvider.Step.WRITE, n, crash);
      case AFTER_DESTINATION_WRITE -> destination.failAt(FakeProvider.Step.AFTER_WRITE, n, crash);
      case LEDGER_BEGIN -> table.crashAt(CrashingTable.Op.PUT_IF_ABSENT, "LEDGER#", n);
      case LEDGER_UPDATE -> table.crashAt(CrashingTable.Op.UPDATE_IF_VERSION, "LEDGER#", n);
      case CURSOR_ADVANCE -> table.crashAt(CrashingTable.Op.PUT_IF_ABSENT, "CURSOR#", n);
    }
  }

  private static TokenSet tokens() {
    return new TokenSet(
        "access",
        Optional.of("refresh"),
        Instant.parse("2100-01-01T00:00:00Z"),
        Set.of(),
        Optional.empty());
  }
}
