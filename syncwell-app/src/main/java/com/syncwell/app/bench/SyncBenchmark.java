package com.syncwell.app.bench;

import com.syncwell.app.Platform;
import com.syncwell.app.ProviderConnectors;
import com.syncwell.app.config.Settings;
import com.syncwell.connector.Connector;
import com.syncwell.connector.TokenSet;
import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.store.AlreadyConnected;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionCreated;
import com.syncwell.engine.store.JobReport;
import com.syncwell.engine.store.JobStatus;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.ProviderAccountInUse;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigSpec;
import com.syncwell.engine.sync.ConnectorRegistry;
import com.syncwell.engine.sync.JobRun;
import com.syncwell.engine.sync.RunSyncJob;
import com.syncwell.engine.sync.SyncJobMessage;
import com.syncwell.engine.sync.SyncSettings;
import com.syncwell.engine.worker.SyncWorkers;
import com.syncwell.engine.worker.WorkerSettings;
import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatedConsent;
import com.syncwell.simulator.SimulatorOptions;
import com.syncwell.simulator.control.StravaLimits;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * {@code syncwell bench sync}: the sync engine under the steady-state mix, on embedded defaults
 * with the simulator in-process, side by side with a naive engine on the same users and data.
 * Bounded: every wait has a deadline, loopback only, stops by itself.
 */
public final class SyncBenchmark {
  /** The knobs; see {@code BenchCommand.Sync}. */
  public record Options(
      int users,
      int seconds,
      int warmUpSeconds,
      int naiveSeconds,
      int concurrency,
      int inFlight,
      int uploadPolls,
      Duration heavyWorkout) {}

  /** What the mix asks for before one sync. */
  enum Kind {
    NOTHING(0.90, "nothing new"),
    LIGHT(0.09, "1 light record"),
    HEAVY(0.01, "1 heavy workout");

    final double share;
    final String label;

    Kind(double share, String label) {
      this.share = share;
      this.label = label;
    }

    static Kind draw(RandomGenerator random) {
      double x = random.nextDouble();
      return x < HEAVY.share ? HEAVY : x < HEAVY.share + LIGHT.share ? LIGHT : NOTHING;
    }
  }

  private record User(String userId, String simUser, SyncConfig config, AtomicInteger adds) {}

  /** One sync's outcome. */
  private record Result(boolean ok, long calls, long bytes, String problem) {
    Result(boolean ok, long calls, long bytes) {
      this(ok, calls, bytes, "");
    }
  }

  @FunctionalInterface
  private interface SyncOne {
    Result sync(User user) throws Exception;
  }

  /** Counters of one phase. */
  private static final class Phase {
    final String name;
    final Map<Kind, LongAdder[]> byKind = new HashMap<>(); // syncs, calls, bytes
    final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    final LongAdder completedInWindow = new LongAdder();
    final LongAdder failed = new LongAdder();
    final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    double seconds;
    long cpuNanos;

    Phase(String name) {
      this.name = name;
      for (Kind k : Kind.values()) {
        byKind.put(k, new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
      }
    }

    void add(Kind kind, Result r) {
      LongAdder[] a = byKind.get(kind);
      a[0].increment();
      a[1].add(r.calls());
      a[2].add(r.bytes());
    }

    long syncs(Kind k) {
      return byKind.get(k)[0].sum();
    }

    double perSync(Kind k, int what) {
      long n = syncs(k);
      return n == 0 ? Double.NaN : (double) byKind.get(k)[what].sum() / n;
    }

    /** Per-kind means weighted by the nominal mix (so both engines face the same mix). */
    double mixed(int what) {
      double sum = 0;
      for (Kind k : Kind.values()) {
        sum += k.share * perSync(k, what);
      }
      return sum;
    }

    long total() {
      return Arrays.stream(Kind.values()).mapToLong(this::syncs).sum();
    }

    double millis(double percentile) {
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1);
      return sorted[Math.max(0, i)] / 1e6;
    }
  }

  private static final Duration JOB_BOUND = Duration.ofSeconds(120);
  private static final Duration ADD_SPACING = Duration.ofMinutes(150);
  private static final int MAX_ADDS_PER_USER = 26;

  /** Strava's application budget, raised for the run like the simulator's quotas. */
  private static final String RAISED_STRAVA = "1000000000,1000000000,1000000000,1000000000";

  /**
   * A first sync fetches and uploads a month of workouts with their streams: few at once, or the
   * two cores time out provider calls and open the circuit breakers.
   */
  private static final int WARM_UP_IN_FLIGHT = 16;

  /** The naive sync holds a whole window of payloads: few at once under a 512 MB heap. */
  private static final int NAIVE_IN_FLIGHT = 4;

  private final Options options;
  private final Map<String, String> environment;
  private final Path dataDir;
  private final PrintWriter out;
  private final Clock clock = Clock.systemUTC();

  public SyncBenchmark(
      Options options, Map<String, String> environment, Path dataDir, PrintWriter out) {
    this.options = options;
    this.environment = environment;
    this.dataDir = dataDir;
    this.out = out;
  }

  /** Runs everything; true when every target holds. */
  public boolean run() throws Exception {
    SimulatorOptions simOptions =
        SimulatorOptions.defaults()
            .withStravaLimits(
                new StravaLimits(
                    Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE))
            .withGoogleRequestsPerUserPerMinute(Integer.MAX_VALUE)
            .withUploadPollsUntilReady(options.uploadPolls())
            .withUploadedStreamsKept(false);
    try (ProviderSimulator sim = ProviderSimulator.start(simOptions)) {
      Map<String, String> env = new HashMap<>(environment);
      env.putAll(sim.environment());
      env.put("SYNCWELL_DATA_DIR", dataDir.toString());
      env.put("SYNCWELL_STRAVA_RATE_LIMITS", RAISED_STRAVA);
      Settings settings = Settings.fromEnvironment(env);
      HttpClient http = HttpClient.newHttpClient();
      SimAdmin admin = new SimAdmin(http, sim.baseUrl());
      try (Platform platform = Platform.open(settings, clock)) {
        ConnectorRegistry connectors = ProviderConnectors.from(settings, clock);
        JobEnds ends =
            new JobEnds(
                new RunSyncJob(
                    new RunSyncJob.Stores(
                        platform.jobs(),
                        platform.configs(),
                        platform.connections(),
                        platform.cursors(),
                        platform.ledger(),
                        platform.configRuns()),
                    connectors,
                    clock,
                    SyncSettings.DEFAULT));
        SyncWorkers workers =
            new SyncWorkers(
                platform.queue(),
                ends,
                new WorkerSettings(
                    options.concurrency(),
                    10,
                    Duration.ofSeconds(1),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(1),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(5)),
                clock,
                RandomGenerator.getDefault(),
                "bench-" + ProcessHandle.current().pid());
        workers.start();
        try {
          return measure(sim, platform, connectors, ends, admin, new SimulatedConsent(http));
        } finally {
          workers.stop();
        }
      }
    }
  }

  private boolean measure(
      ProviderSimulator sim,
      Platform platform,
      ConnectorRegistry connectors,
      JobEnds ends,
      SimAdmin admin,
      SimulatedConsent consent)
      throws Exception {
    long t0 = System.nanoTime();
    List<User> users = connect(platform, connectors, consent);
    out.printf(
        Locale.ROOT,
        "setup: %d users connected on Fitbit and Strava through OAuth, one Fitbit -> Strava"
            + " workout config each (%.1f s)%n",
        users.size(),
        (System.nanoTime() - t0) / 1e9);
    out.flush();

    SyncOne engine = user -> engineSync(platform, ends, user);

    Phase warm = new Phase("warm-up");
    long w0 = System.nanoTime();
    drive(
        warm,
        users,
        Duration.ZERO,
        users.size(),
        u -> Kind.NOTHING,
        engine,
        admin,
        Math.min(options.inFlight(), WARM_UP_IN_FLIGHT));
    out.printf(
        Locale.ROOT,
        "warm-up: first sync of every user, %d syncs (%d failed) in %.1f s, %,.0f provider calls,"
            + " %,.0f MB%n",
        warm.total(),
        warm.failed.sum(),
        (System.nanoTime() - w0) / 1e9,
        warm.perSync(Kind.NOTHING, 1) * warm.total(),
        warm.perSync(Kind.NOTHING, 2) * warm.total() / 1e6);
    warm.problems.forEach(p -> out.println("  warm-up failure: " + p));
    out.flush();

    if (options.warmUpSeconds() > 0) {
      Phase mixWarmUp = new Phase("mix warm-up");
      driveMix(mixWarmUp, users, options.warmUpSeconds(), engine, admin);
      out.printf(
          Locale.ROOT,
          "warm-up of the mix (not measured, lets the JIT compile the steady-state paths): %d"
              + " syncs (%d failed) in %.1f s%n",
          mixWarmUp.total(),
          mixWarmUp.failed.sum(),
          mixWarmUp.seconds);
      mixWarmUp.problems.forEach(p -> out.println("  warm-up failure: " + p));
      out.flush();
    }

    sim.stats().reset();
    Phase steady = new Phase("engine");
    driveMix(steady, users, options.seconds(), engine, admin);
    long simCalls = 0;
    long simBytes = 0;
    var stats = sim.stats().toJson();
    for (String provider : List.of("fitbit", "strava")) {
      simCalls += stats.path(provider).path("calls").asLong();
      simBytes += stats.path(provider).path("responseBytes").asLong();
    }

    NaiveSync naiveEngine = new NaiveSync(platform, connectors, clock);
    Phase naive = new Phase("naive");
    AtomicInteger drawn = new AtomicInteger();
    drive(
        naive,
        users,
        Duration.ofSeconds(options.naiveSeconds()),
        Long.MAX_VALUE,
        u -> naiveKind(drawn.getAndIncrement()),
        user -> {
          NaiveSync.Outcome o = naiveEngine.sync(user.config());
          return new Result(true, o.calls(), o.bytes());
        },
        admin,
        NAIVE_IN_FLIGHT);

    steady.problems.forEach(p -> out.println("  engine failure: " + p));
    naive.problems.forEach(p -> out.println("  naive failure: " + p));
    return report(steady, naive, simCalls, simBytes);
  }

  private List<User> connect(
      Platform platform, ConnectorRegistry connectors, SimulatedConsent consent) throws Exception {
    List<CompletableFuture<User>> futures = new ArrayList<>();
    Semaphore parallel = new Semaphore(16);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < options.users(); i++) {
        String userId = String.format(Locale.ROOT, "bench-user-%05d", i);
        String simUser = String.format(Locale.ROOT, "bench-%05d", i);
        futures.add(
            CompletableFuture.supplyAsync(
                () -> {
                  parallel.acquireUninterruptibly();
                  try {
                    Connection fitbit =
                        connectOne(platform, connectors, consent, userId, simUser, "fitbit");
                    Connection strava =
                        connectOne(platform, connectors, consent, userId, simUser, "strava");
                    SyncConfig config =
                        platform
                            .configs()
                            .create(
                                userId,
                                new SyncConfigSpec(
                                    fitbit.connectionId(),
                                    strava.connectionId(),
                                    DataType.WORKOUT,
                                    ConflictStrategy.SOURCE_WINS,
                                    true,
                                    Optional.of("PRO"),
                                    Optional.empty()));
                    return new User(userId, simUser, config, new AtomicInteger());
                  } finally {
                    parallel.release();
                  }
                },
                pool));
      }
      List<User> users = new ArrayList<>();
      for (CompletableFuture<User> f : futures) {
        users.add(f.get(5, TimeUnit.MINUTES));
      }
      return users;
    }
  }

  private static Connection connectOne(
      Platform platform,
      ConnectorRegistry connectors,
      SimulatedConsent consent,
      String userId,
      String simUser,
      String provider) {
    Connector connector = connectors.forProvider(provider).orElseThrow();
    TokenSet tokens = consent.approve(connector.oauth(), simUser);
    String account = tokens.providerUserId().orElseThrow();
    return switch (platform.connections().create(userId, provider, account, tokens)) {
      case ConnectionCreated created -> created.connection();
      case AlreadyConnected already -> already.existing();
      case ProviderAccountInUse inUse ->
          throw new IllegalStateException(provider + " account belongs to another user");
    };
  }

  private static Result engineSync(Platform platform, JobEnds ends, User user) throws Exception {
    String jobId =
        platform.jobs().create(user.userId(), user.config().configId(), JobTrigger.MANUAL).jobId();
    CompletableFuture<JobRun> end = ends.endOf(jobId);
    platform.queue().send(OutgoingMessage.of(new SyncJobMessage(user.userId(), jobId).toBody()));
    try {
      JobRun run = end.get(JOB_BOUND.toMillis(), TimeUnit.MILLISECONDS);
      if (run instanceof JobRun.Finished f) {
        JobReport r = f.report();
        return new Result(
            f.status() == JobStatus.SUCCEEDED && r.failed() == 0,
            r.providerCalls(),
            r.providerBytes(),
            f.status() + " " + r.failures().stream().limit(2).map(x -> x.reason()).toList());
      }
      return new Result(false, 0, 0, ((JobRun.NotRun) run).reason());
    } finally {
      ends.forget(jobId);
    }
  }

  /** The engine under the 90/9/1 mix for {@code seconds}, {@code --in-flight} at once. */
  private void driveMix(Phase phase, List<User> users, int seconds, SyncOne engine, SimAdmin admin)
      throws InterruptedException {
    drive(
        phase,
        users,
        Duration.ofSeconds(seconds),
        Long.MAX_VALUE,
        u -> Kind.draw(ThreadLocalRandom.current()),
        engine,
        admin,
        options.inFlight());
  }

  /**
   * Runs syncs for {@code length} (zero: exactly {@code maxSyncs}, one per user), at most {@code
   * inFlight} at once and at most one per user at a time; adds the drawn record at the source
   * first. Latency is measured from the enqueue (the sync call) to the job's end.
   */
  private void drive(
      Phase phase,
      List<User> users,
      Duration length,
      long maxSyncs,
      java.util.function.Function<User, Kind> mix,
      SyncOne sync,
      SimAdmin admin,
      int inFlight)
      throws InterruptedException {
    ConcurrentLinkedQueue<User> idle = new ConcurrentLinkedQueue<>();
    List<User> shuffled = new ArrayList<>(users);
    java.util.Collections.shuffle(shuffled);
    idle.addAll(shuffled);
    Semaphore slots = new Semaphore(inFlight);
    long cpu0 = processCpuNanos();
    long start = System.nanoTime();
    long deadline = length.isZero() ? Long.MAX_VALUE : start + length.toNanos();
    long started = 0;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      while (started < maxSyncs && System.nanoTime() < deadline) {
        if (!slots.tryAcquire(50, TimeUnit.MILLISECONDS)) {
          continue;
        }
        User user = idle.poll();
        if (user == null) {
          slots.release();
          Thread.sleep(1);
          continue;
        }
        started++;
        pool.execute(
            () -> {
              try {
                Kind kind = mix.apply(user);
                if (kind != Kind.NOTHING && !addRecord(admin, user, kind)) {
                  kind = Kind.NOTHING;
                }
                long t = System.nanoTime();
                Result r = sync.sync(user);
                long done = System.nanoTime();
                phase.latencies.add(done - t);
                if (done <= deadline) {
                  phase.completedInWindow.increment();
                }
                if (r.ok()) {
                  phase.add(kind, r);
                } else {
                  phase.failed.increment();
                  note(phase, r.problem());
                }
              } catch (Exception | Error e) {
                phase.failed.increment();
                note(phase, e.getClass().getSimpleName() + ": " + e.getMessage());
              } finally {
                idle.add(user);
                slots.release();
              }
            });
      }
      if (!slots.tryAcquire(inFlight, JOB_BOUND.toSeconds(), TimeUnit.SECONDS)) {
        out.println("  (" + phase.name + ": some syncs did not end within the bound)");
      }
      phase.seconds =
          (Math.min(System.nanoTime(), length.isZero() ? Long.MAX_VALUE : deadline) - start) / 1e9;
      phase.cpuNanos = processCpuNanos() - cpu0;
      pool.shutdownNow();
    }
  }

  /**
   * The naive phase samples every kind early (it runs few, slow syncs); its per-kind means are
   * weighted by the nominal mix like the engine's.
   */
  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static Kind naiveKind(int i) {
    return switch (i % 10) {
      case 0 -> Kind.HEAVY;
      case 1 -> Kind.LIGHT;
      default -> Kind.NOTHING;
    };
  }

  private static void note(Phase phase, String problem) {
    if (phase.problems.size() < 5) {
      phase.problems.add(problem);
    }
  }

  private boolean addRecord(SimAdmin admin, User user, Kind kind) {
    int k = user.adds().getAndIncrement();
    if (k >= MAX_ADDS_PER_USER) {
      return false;
    }
    Instant start = clock.instant().minus(ADD_SPACING.multipliedBy(k + 1L));
    if (kind == Kind.HEAVY) {
      admin.addHeavyWorkout(user.simUser(), start, options.heavyWorkout());
    } else {
      admin.addLightWorkout(user.simUser(), start);
    }
    return true;
  }

  private boolean report(Phase engine, Phase naive, long simCalls, long simBytes) {
    int polls = options.uploadPolls() + 1;
    // One listing call; a new record adds the destination listing, the source point and its TCX
    // export, the upload and its polls.
    double minNothing = 1;
    double minNew = 1 + 1 + 2 + 1 + polls;
    double minMixed = Kind.NOTHING.share * minNothing + (1 - Kind.NOTHING.share) * minNew;
    double rate = engine.completedInWindow.sum() / engine.seconds;
    double p95 = engine.millis(95);
    double bytesRatio = engine.mixed(2) / naive.mixed(2);

    out.println();
    out.printf(
        Locale.ROOT,
        "Steady state: %d users, engine %d s, naive %d s, %d job slots, %d in flight, heavy"
            + " workout %d min, Strava upload ready after %d poll(s)%n",
        options.users(),
        options.seconds(),
        options.naiveSeconds(),
        options.concurrency(),
        options.inFlight(),
        options.heavyWorkout().toMinutes(),
        polls);
    out.printf(Locale.ROOT, "%-34s %16s %16s%n", "", "engine", "naive");
    row(
        "syncs (failed)",
        engine.total() + " (" + engine.failed.sum() + ")",
        naive.total() + " (" + naive.failed.sum() + ")");
    row(
        "syncs/s",
        String.format(Locale.ROOT, "%.1f", rate),
        String.format(Locale.ROOT, "%.1f", naive.completedInWindow.sum() / naive.seconds));
    for (double p : new double[] {50, 95, 99}) {
      row(
          String.format(Locale.ROOT, "latency p%.0f (ms)", p),
          String.format(Locale.ROOT, "%.1f", engine.millis(p)),
          String.format(Locale.ROOT, "%.1f", naive.millis(p)));
    }
    for (Kind k : Kind.values()) {
      row(
          "calls/sync, " + k.label + " (" + engine.syncs(k) + "/" + naive.syncs(k) + ")",
          String.format(Locale.ROOT, "%.2f", engine.perSync(k, 1)),
          String.format(Locale.ROOT, "%.2f", naive.perSync(k, 1)));
    }
    for (Kind k : Kind.values()) {
      row(
          "bytes/sync, " + k.label,
          String.format(Locale.ROOT, "%,.0f", engine.perSync(k, 2)),
          String.format(Locale.ROOT, "%,.0f", naive.perSync(k, 2)));
    }
    row(
        "calls/sync, 90/9/1 mix",
        String.format(Locale.ROOT, "%.3f", engine.mixed(1)),
        String.format(Locale.ROOT, "%.3f", naive.mixed(1)));
    row(
        "bytes/sync, 90/9/1 mix",
        String.format(Locale.ROOT, "%,.0f", engine.mixed(2)),
        String.format(Locale.ROOT, "%,.0f", naive.mixed(2)));
    double cpuMs = engine.cpuNanos / 1e6 / Math.max(1, engine.total());
    int cores = Runtime.getRuntime().availableProcessors();
    row(
        "process CPU ms/sync (incl. simulator)",
        String.format(Locale.ROOT, "%.2f", cpuMs),
        String.format(Locale.ROOT, "%.2f", naive.cpuNanos / 1e6 / Math.max(1, naive.total())));
    row(
        "CPU-bound ceiling, syncs/s on " + cores,
        String.format(Locale.ROOT, "%.0f", cpuMs == 0 ? 0 : cores * 1000 / cpuMs),
        "");
    row(
        "simulator calls/sync (engine run)",
        String.format(Locale.ROOT, "%.3f", (double) simCalls / Math.max(1, engine.total())),
        "");
    row(
        "simulator bytes/sync (engine run)",
        String.format(Locale.ROOT, "%,.0f", (double) simBytes / Math.max(1, engine.total())),
        "");
    out.printf(
        Locale.ROOT,
        "algorithm minimum calls/sync: %.0f nothing new, %.0f per new record, %.3f for the mix;"
            + " engine: %.2f / %.2f / %.2f / %.3f%n",
        minNothing,
        minNew,
        minMixed,
        engine.perSync(Kind.NOTHING, 1),
        engine.perSync(Kind.LIGHT, 1),
        engine.perSync(Kind.HEAVY, 1),
        engine.mixed(1));
    out.printf(
        Locale.ROOT,
        "engine bytes = %.3f %% of naive (%.2f %% fewer)%n",
        100 * bytesRatio,
        100 * (1 - bytesRatio));

    boolean rateOk = rate >= 580;
    boolean p95Ok = p95 < 2000;
    boolean bytesOk = bytesRatio <= 0.5;
    boolean callsOk =
        approx(engine.perSync(Kind.NOTHING, 1), minNothing)
            && (engine.syncs(Kind.LIGHT) == 0 || engine.perSync(Kind.LIGHT, 1) <= minNew + 1e-9)
            && (engine.syncs(Kind.HEAVY) == 0 || engine.perSync(Kind.HEAVY, 1) <= minNew + 1e-9);
    boolean noFailures = engine.failed.sum() == 0 && naive.failed.sum() == 0;
    out.printf(
        Locale.ROOT,
        "%s: syncs/s %.1f >= 580 %s; p95 %.0f ms < 2000 %s; bytes %.1f %% fewer >= 50 %% %s;"
            + " calls at the minimum %s; no failed syncs %s%n",
        rateOk && p95Ok && bytesOk && callsOk && noFailures ? "PASS" : "FAIL",
        rate,
        verdict(rateOk),
        p95,
        verdict(p95Ok),
        100 * (1 - bytesRatio),
        verdict(bytesOk),
        verdict(callsOk),
        verdict(noFailures));
    out.flush();
    return rateOk && p95Ok && bytesOk && callsOk && noFailures;
  }

  private static boolean approx(double value, double expected) {
    return Math.abs(value - expected) < 1e-9;
  }

  private static String verdict(boolean ok) {
    return ok ? "PASS" : "FAIL";
  }

  private void row(String name, String engine, String naive) {
    out.printf(Locale.ROOT, "%-34s %16s %16s%n", name, engine, naive);
  }
}
