package com.syncwell.app.bench;

import com.syncwell.api.ApiServer;
import com.syncwell.api.auth.DevIssuer;
import com.syncwell.app.ApiAssembly;
import com.syncwell.app.Platform;
import com.syncwell.app.config.Settings;
import com.syncwell.connector.TokenSet;
import com.syncwell.connector.fitbit.FitbitConnector;
import com.syncwell.connector.strava.StravaConnector;
import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import com.syncwell.engine.store.AlreadyConnected;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionCreated;
import com.syncwell.engine.store.ProviderAccountInUse;
import com.syncwell.engine.store.SyncConfigSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code syncwell bench api}: wrk on loopback against {@code POST /v1/sync-jobs} and a bare {@code
 * GET /healthz} of one API process on embedded defaults (SQLite table and queue in a temporary data
 * directory), with N users seeded directly through the stores, one dev token each, and the rate
 * limits raised for the run. No workers: accepted jobs stay queued, which is the acceptance path
 * being measured. The benchmark driver (seeding, wrk's child process, the checks) shares this
 * process with the API; wrk itself is a separate process on the same cores.
 *
 * <p>Runs: a warm-up (not reported: rounds of POST until the JIT settles, then a short GET), then
 * POST at full speed, GET /healthz at full speed, and POST paced to the seed's whole-fleet peak.
 * Afterwards the queue must hold at least as many messages as wrk counted accepted answers.
 * Bounded: every wrk run and wait has a deadline.
 */
public final class ApiBenchmark {
  /** The knobs; see {@code BenchApiCommand}. */
  public record Options(int users, int seconds, int connections) {}

  /** wrk threads: one per core of the 2-core target machine. */
  static final int THREADS = 2;

  /** The seed's whole-fleet peak on one node, requests per second. */
  static final double FLEET_PEAK = 2_605;

  static final double ACCEPTED_TARGET = 10_000;
  static final double P99_TARGET_MS = 25;
  static final double SHARE_OF_BARE_TARGET = 0.25;
  static final double RSS_TARGET_MB = 512;

  /** The paced run counts as "at the fleet peak" when it achieved at least this share of it. */
  static final double PACED_RATE_FLOOR = 0.95;

  static final int WARM_UP_SECONDS = 5;

  /** Warm-up rounds end once the JIT compiled for less than this share of a round. */
  static final double JIT_SETTLED = 0.05;

  static final int MAX_WARM_UP_ROUNDS = 8;
  static final Duration TOKEN_TTL = Duration.ofHours(1);

  private static final int SEED_PARALLELISM = 16;
  private static final String JOBS_PATH = "/v1/sync-jobs";
  private static final String HEALTH_PATH = "/healthz";

  private final Options options;
  private final Wrk wrk;
  private final Path dataDir;
  private final PrintWriter out;
  private final Clock clock = Clock.systemUTC();

  /**
   * @param wrkExecutable from {@link #wrkOnPath}
   * @param dataDir an empty directory the benchmark may fill (the caller removes it)
   */
  public ApiBenchmark(Options options, Path wrkExecutable, Path dataDir, PrintWriter out) {
    this.options = options;
    this.wrk = new Wrk(wrkExecutable);
    this.dataDir = dataDir;
    this.out = out;
  }

  /** The first executable {@code wrk} in a {@code PATH} value. */
  public static Optional<Path> wrkOnPath(String pathVariable) {
    return Wrk.onPath(pathVariable).map(Wrk::executable);
  }

  /** The settings of the run: dev issuer on, limits raised, providers unreachable. */
  static Map<String, String> environment(Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("SYNCWELL_DATA_DIR", dataDir.toString());
    env.put("SYNCWELL_AUTH_DEV", "true");
    env.put("SYNCWELL_RATE_USER_PER_SECOND", "100000");
    env.put("SYNCWELL_RATE_USER_BURST", "100000");
    env.put("SYNCWELL_RATE_IP_PER_5MIN", "10000000");
    // The connectors must exist for a config to be syncable; nothing calls a provider (no
    // workers), and should anything try, it meets a closed loopback port.
    for (String provider : List.of("FITBIT", "STRAVA")) {
      env.put("SYNCWELL_" + provider + "_CLIENT_ID", "bench");
      env.put("SYNCWELL_" + provider + "_CLIENT_SECRET", "bench-not-a-secret");
      for (String url : List.of("BASE_URL", "AUTH_URL", "TOKEN_URL")) {
        env.put("SYNCWELL_" + provider + "_" + url, "http://127.0.0.1:9");
      }
    }
    return env;
  }

  /** Runs everything; true when every target holds. */
  public boolean run() throws Exception {
    Settings settings = Settings.fromEnvironment(environment(dataDir));
    var rates = settings.rates();
    out.printf(
        Locale.ROOT,
        "SyncWell API benchmark (%d cores, max heap %d MB); load generator: %s at %s%n",
        cores(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        wrk.version(dataDir),
        wrk.executable());
    loadAverage()
        .ifPresent(
            load ->
                out.printf(
                    Locale.ROOT,
                    "load average (1 min) before the runs: %s; whatever else runs competes with the"
                        + " API and wrk for the cores%n",
                    load));
    out.flush();
    try (Platform platform = Platform.open(settings, clock)) {
      long t0 = System.nanoTime();
      List<ApiCaller> callers = seed(platform);
      out.printf(
          Locale.ROOT,
          "seeded %d users (a Fitbit and a Strava connection, one enabled workout config Fitbit ->"
              + " Strava each) and minted %d dev tokens (1 h) in %.1f s%n",
          callers.size(),
          callers.size(),
          (System.nanoTime() - t0) / 1e9);
      ApiServer server = ApiAssembly.build(platform, settings, clock, true);
      server.start("127.0.0.1", 0);
      try {
        String base = "http://127.0.0.1:" + server.port();
        out.printf(
            Locale.ROOT,
            "API on %s; limits raised for the run: %,d/s per user (burst %,d), %,d per IP per 5"
                + " min; no workers, so accepted jobs stay queued%n",
            base,
            rates.userPerSecond(),
            rates.userBurst(),
            rates.ipPer5Minutes());
        out.flush();
        return measure(platform, callers, base);
      } finally {
        server.stop();
      }
    }
  }

  /** One wrk run and what this process, the machine and the queue did meanwhile. */
  private record Run(
      WrkReport wrk, long processCpuNanos, OptionalDouble machineBusyCores, long queued) {

    double cpuMicrosPerAnswer() {
      return processCpuNanos / 1e3 / Math.max(1, wrk.requests());
    }

    double processCores() {
      return processCpuNanos / 1e9 / Math.max(1e-9, wrk.seconds());
    }
  }

  /** The warm-up's rounds of POST and its GET run. */
  private record WarmUp(List<Run> posts, Run health) {}

  private boolean measure(Platform platform, List<ApiCaller> callers, String base)
      throws Exception {
    int seconds = options.seconds();
    WarmUp warm = warmUp(platform, callers, base);
    Run post =
        run(
            platform,
            "(a) POST " + JOBS_PATH + " as fast as it answers",
            script(callers, "max", 0),
            seconds,
            base + JOBS_PATH,
            true);
    Run health =
        run(
            platform,
            "(b) GET " + HEALTH_PATH + " as fast as it answers (no script)",
            null,
            seconds,
            base + HEALTH_PATH,
            true);
    Run paced =
        run(
            platform,
            String.format(
                Locale.ROOT, "(c) POST %s paced to %,.0f req/s in all", JOBS_PATH, FLEET_PEAK),
            script(callers, "paced", FLEET_PEAK),
            seconds,
            base + JOBS_PATH,
            true);
    return report(warm, post, health, paced);
  }

  /**
   * Rounds of {@value #WARM_UP_SECONDS} s of POST until the JIT compiled for less than {@link
   * #JIT_SETTLED} of a round (at most {@value #MAX_WARM_UP_ROUNDS}), then as long of GET /healthz.
   */
  private WarmUp warmUp(Platform platform, List<ApiCaller> callers, String base)
      throws IOException, InterruptedException {
    List<Run> runs = new ArrayList<>();
    for (int round = 1; round <= MAX_WARM_UP_ROUNDS; round++) {
      long compiled0 = compileMillis();
      Run r =
          run(
              platform,
              String.format(
                  Locale.ROOT,
                  "warm-up round %d: %d s of POST %s (not reported)",
                  round,
                  WARM_UP_SECONDS,
                  JOBS_PATH),
              script(callers, "warm-up-" + round, 0),
              WARM_UP_SECONDS,
              base + JOBS_PATH,
              false);
      runs.add(r);
      long compiled = compileMillis() - compiled0;
      out.printf(
          Locale.ROOT,
          "  %,.0f req/s, p99 %.2f ms; the JIT compiled for %,d ms of it%n",
          r.wrk().requestsPerSecond(),
          r.wrk().p99(),
          compiled);
      if (compiled < JIT_SETTLED * WARM_UP_SECONDS * 1000) {
        break;
      }
    }
    Run health =
        run(
            platform,
            String.format(
                Locale.ROOT,
                "warm-up: %d s of GET %s (not reported)",
                WARM_UP_SECONDS,
                HEALTH_PATH),
            null,
            WARM_UP_SECONDS,
            base + HEALTH_PATH,
            false);
    return new WarmUp(runs, health);
  }

  private static long compileMillis() {
    var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : 0;
  }

  private Run run(
      Platform platform, String title, Path script, int seconds, String url, boolean echo)
      throws IOException, InterruptedException {
    long queued0 = queued(platform);
    Optional<MachineCpu> machine0 = MachineCpu.now();
    long cpu0 = processCpuNanos();
    WrkReport report = wrk(title, script, seconds, url, echo);
    long cpu = processCpuNanos() - cpu0;
    Optional<MachineCpu> machine1 = MachineCpu.now();
    OptionalDouble busy =
        machine0.isPresent() && machine1.isPresent()
            ? OptionalDouble.of(machine1.get().busyCoresSince(machine0.get(), cores()))
            : OptionalDouble.empty();
    return new Run(report, cpu, busy, queued(platform) - queued0);
  }

  private boolean report(WarmUp warm, Run post, Run health, Run paced) {
    WrkReport p = post.wrk();
    WrkReport h = health.wrk();
    WrkReport c = paced.wrk();
    double accepted = p.belowFourHundred() / p.seconds();
    double share = accepted / h.requestsPerSecond();
    Optional<ResidentMemory> memory = ResidentMemory.ofThisProcess();

    out.println();
    out.printf(
        Locale.ROOT,
        "Results: %d users, wrk -t%d -c%d -d%ds --latency each, loopback, %d cores%n",
        options.users(),
        THREADS,
        options.connections(),
        options.seconds(),
        cores());
    out.printf(
        Locale.ROOT,
        "%-36s %9s %9s %7s %7s %8s %7s %8s %8s %s%n",
        "run",
        "req/s",
        "answers",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "non-2xx",
        "sock err",
        "CPU us/r",
        "cores: API+driver / machine");
    row("(a) POST /v1/sync-jobs, max", post);
    row("(b) GET /healthz, max (bare)", health);
    row(String.format(Locale.ROOT, "(c) POST /v1/sync-jobs, paced %,.0f/s", FLEET_PEAK), paced);
    out.println(
        "CPU us/r: CPU time of this process (API and benchmark driver; not wrk) per answer. cores:"
            + " this process, and the whole machine busy (the rest is wrk and any other process).");
    out.printf(
        Locale.ROOT,
        "accepted jobs/s (202s over wrk's run time): %,.0f = %.1f %% of the bare endpoint's %,.0f"
            + " req/s%n",
        accepted,
        100 * share,
        h.requestsPerSecond());
    out.printf(
        Locale.ROOT,
        "paced run: achieved %,.0f req/s of %,.0f asked (%.1f %%). wrk 4.1 has no constant-rate"
            + " mode: the script's delay() hook paces each thread, and the load stays closed-loop"
            + " (a connection waits for its answer before its next slot). Plain wrk does not"
            + " correct coordinated omission beyond a coarse back-fill of answers slower than"
            + " twice the mean per-connection interval (%.0f ms here): a stall is under-counted,"
            + " and this p99 is a lower bound next to an open-loop tool such as wrk2 -R.%n",
        c.requestsPerSecond(),
        FLEET_PEAK,
        100 * c.requestsPerSecond() / FLEET_PEAK,
        2 * 1000.0 * options.connections() / Math.max(1, c.requestsPerSecond()));

    boolean queueOk = true;
    long acceptedTotal = 0;
    long queuedTotal = 0;
    long warmAccepted = warm.posts().stream().mapToLong(r -> r.wrk().belowFourHundred()).sum();
    long warmQueued = warm.posts().stream().mapToLong(Run::queued).sum();
    String[] names = {"warm-up", "(a)", "(c)"};
    long[] accepts = {warmAccepted, post.wrk().belowFourHundred(), c.belowFourHundred()};
    long[] queues = {warmQueued, post.queued(), paced.queued()};
    for (int i = 0; i < names.length; i++) {
      boolean ok = queues[i] >= accepts[i];
      queueOk &= ok;
      acceptedTotal += accepts[i];
      queuedTotal += queues[i];
      out.printf(
          Locale.ROOT,
          "queue check %-7s: wrk counted %,d accepted, the job queue grew by %,d %s%n",
          names[i],
          accepts[i],
          queues[i],
          ok ? "(ok)" : "(FEWER queued than accepted)");
    }
    out.printf(
        Locale.ROOT,
        "queue check total  : %,d accepted, %,d queued (requests still in flight when wrk stops"
            + " may add a few queued jobs wrk never counted)%n",
        acceptedTotal,
        queuedTotal);
    memory.ifPresentOrElse(
        m ->
            out.printf(
                Locale.ROOT,
                "RSS of this process (the API and the benchmark driver share it; wrk is separate):"
                    + " now %.0f MB (VmRSS), peak %.0f MB (VmHWM); max heap %d MB, heap in use"
                    + " now %d MB%n",
                m.currentMb(),
                m.peakMb(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory())
                    / (1024 * 1024)),
        () -> out.println("RSS: /proc/self/status is not readable here (not Linux?)"));

    boolean acceptedOk = accepted >= ACCEPTED_TARGET;
    boolean pacedRateOk = c.requestsPerSecond() >= PACED_RATE_FLOOR * FLEET_PEAK;
    boolean p99Ok = c.p99() < P99_TARGET_MS && pacedRateOk;
    boolean shareOk = share >= SHARE_OF_BARE_TARGET;
    boolean rssOk = memory.isPresent() && memory.get().peakMb() <= RSS_TARGET_MB;
    List<Run> warmRuns = new ArrayList<>(warm.posts());
    warmRuns.add(warm.health());
    long warmTimeouts = warmRuns.stream().mapToLong(r -> r.wrk().timeouts()).sum();
    if (warmTimeouts > 0) {
      out.printf(
          Locale.ROOT,
          "warm-up: %,d answers slower than wrk's 2 s timeout while the JIT compiled (not counted"
              + " against the targets)%n",
          warmTimeouts);
    }
    boolean clean =
        warmRuns.stream().allMatch(ApiBenchmark::cleanWhileWarming)
            && clean(post)
            && clean(health)
            && clean(paced);
    boolean pass = acceptedOk && p99Ok && shareOk && rssOk && clean && queueOk;
    out.printf(
        Locale.ROOT,
        "%s: accepted %,.0f/s >= 10,000 %s; p99 %.2f ms < 25 at %,.0f req/s (>= %.0f %% of"
            + " 2,605) %s; %.1f %% of bare >= 25 %% %s; peak RSS %s <= 512 MB %s; no non-2xx or"
            + " socket errors %s; queued >= accepted %s%n",
        pass ? "PASS" : "FAIL",
        accepted,
        verdict(acceptedOk),
        c.p99(),
        c.requestsPerSecond(),
        100 * PACED_RATE_FLOOR,
        verdict(p99Ok),
        100 * share,
        verdict(shareOk),
        memory.map(m -> String.format(Locale.ROOT, "%.0f MB", m.peakMb())).orElse("unknown"),
        verdict(rssOk),
        verdict(clean),
        verdict(queueOk));
    out.flush();
    return pass;
  }

  /** No non-2xx answer and no connect, read or write error; slow answers are allowed. */
  private static boolean cleanWhileWarming(Run r) {
    WrkReport w = r.wrk();
    return w.errorStatuses() == 0 && w.socketErrors() == w.timeouts();
  }

  private static boolean clean(Run r) {
    return r.wrk().errorStatuses() == 0 && r.wrk().socketErrors() == 0;
  }

  private static String verdict(boolean ok) {
    return ok ? "PASS" : "FAIL";
  }

  private void row(String name, Run run) {
    WrkReport r = run.wrk();
    out.printf(
        Locale.ROOT,
        "%-36s %,9.0f %,9d %7.2f %7.2f %8.2f %,7d %,8d %8.0f %.2f / %s%n",
        name,
        r.requestsPerSecond(),
        r.requests(),
        r.p50(),
        r.p90(),
        r.p99(),
        r.errorStatuses(),
        r.socketErrors(),
        run.cpuMicrosPerAnswer(),
        run.processCores(),
        run.machineBusyCores().isPresent()
            ? String.format(Locale.ROOT, "%.2f", run.machineBusyCores().getAsDouble())
            : "?");
  }

  /** The 1-minute load average from {@code /proc/loadavg}, where there is one. */
  private static Optional<String> loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields.length > 0 ? Optional.of(fields[0]) : Optional.empty();
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  private List<ApiCaller> seed(Platform platform) throws Exception {
    DevIssuer issuer = DevIssuer.openOrCreate(dataDir, clock);
    Instant expires = clock.instant().plus(Duration.ofDays(1));
    Semaphore parallel = new Semaphore(SEED_PARALLELISM);
    List<Future<ApiCaller>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < options.users(); i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> {
                  parallel.acquire();
                  try {
                    return seedOne(platform, issuer, n, expires);
                  } finally {
                    parallel.release();
                  }
                }));
      }
      List<ApiCaller> callers = new ArrayList<>();
      for (Future<ApiCaller> f : futures) {
        callers.add(f.get(5, TimeUnit.MINUTES));
      }
      return callers;
    }
  }

  private ApiCaller seedOne(Platform platform, DevIssuer issuer, int n, Instant expires) {
    String userId = String.format(Locale.ROOT, "bench-api-user-%05d", n);
    Connection fitbit = connect(platform, userId, FitbitConnector.ID, "bench-fb-" + n, expires);
    Connection strava = connect(platform, userId, StravaConnector.ID, "bench-st-" + n, expires);
    String configId =
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
                    Optional.empty()))
            .configId();
    return new ApiCaller(issuer.mint(userId, TOKEN_TTL), configId);
  }

  private static Connection connect(
      Platform platform, String userId, String provider, String account, Instant expires) {
    TokenSet tokens =
        new TokenSet(
            "bench-access-" + account,
            Optional.of("bench-refresh-" + account),
            expires,
            Set.of("activity"),
            Optional.of(account));
    return switch (platform.connections().create(userId, provider, account, tokens)) {
      case ConnectionCreated created -> created.connection();
      case AlreadyConnected already -> already.existing();
      case ProviderAccountInUse inUse ->
          throw new IllegalStateException(provider + " account belongs to another user");
    };
  }

  private Path script(List<ApiCaller> callers, String run, double pacedRate) throws IOException {
    Path file = dataDir.resolve("wrk-" + run + ".lua");
    Files.writeString(
        file, SyncJobsScript.render(callers, run, THREADS, pacedRate), StandardCharsets.UTF_8);
    return file;
  }

  /**
   * One wrk run, announced by {@code title}, with {@code script} (null: wrk's own GET); its output
   * is echoed indented when asked, then parsed.
   */
  private WrkReport wrk(String title, Path script, int seconds, String url, boolean echo)
      throws IOException, InterruptedException {
    out.println(title);
    out.flush();
    List<String> args = new ArrayList<>();
    args.add("-t" + THREADS);
    args.add("-c" + options.connections());
    args.add("-d" + seconds + "s");
    args.add("--latency");
    if (script != null) {
      args.add("-s");
      args.add(script.toString());
    }
    args.add(url);
    Wrk.Result result = wrk.run(args, Duration.ofSeconds(seconds + 60L), dataDir);
    if (result.exitCode() != 0) {
      throw new IOException(
          "wrk exited with "
              + result.exitCode()
              + ": "
              + result.stderr().lines().findFirst().orElse(""));
    }
    if (echo) {
      result.stdout().lines().forEach(line -> out.println("  | " + line));
    }
    result.stderr().lines().forEach(line -> out.println("  ! " + line));
    out.flush();
    return WrkReport.parse(result.stdout());
  }

  private static long queued(Platform platform) {
    return platform.queue().approximateDepth().total();
  }

  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }
}
