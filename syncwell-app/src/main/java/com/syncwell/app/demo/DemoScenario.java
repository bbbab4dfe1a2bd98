package com.syncwell.app.demo;

import com.syncwell.app.Platform;
import com.syncwell.connector.ChangePage;
import com.syncwell.connector.Connector;
import com.syncwell.connector.Cursor;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.RefreshingCredentials;
import com.syncwell.connector.TimeWindow;
import com.syncwell.connector.TokenSet;
import com.syncwell.connector.http.CallMeter;
import com.syncwell.domain.BodyWeight;
import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import com.syncwell.domain.RecordRef;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.store.AlreadyConnected;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionCreated;
import com.syncwell.engine.store.JobReport;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.ProviderAccountInUse;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigSpec;
import com.syncwell.engine.sync.JobRun;
import com.syncwell.engine.sync.SyncJobMessage;
import com.syncwell.simulator.SimulatedConsent;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The scripted part of {@code syncwell demo}: connect a demo user's Fitbit and Strava accounts
 * through the real OAuth flow, set up two-way workout sync, run it through the job queue and the
 * workers twice (the second run must write nothing), and summarise weight and sleep read from
 * Fitbit (read and printed, never stored).
 */
public final class DemoScenario {
  public static final String USER = "demo-user";
  public static final String SIMULATED_ACCOUNT = "alice";
  private static final Duration JOB_BOUND = Duration.ofSeconds(25);

  private final Platform platform;
  private final CompletionSignals signals;
  private final SimulatedConsent consent;
  private final Clock clock;
  private final PrintWriter out;

  DemoScenario(
      Platform platform,
      CompletionSignals signals,
      SimulatedConsent consent,
      Clock clock,
      PrintWriter out) {
    this.platform = platform;
    this.signals = signals;
    this.consent = consent;
    this.clock = clock;
    this.out = out;
  }

  /**
   * Runs the script; returns the second run's written count plus any failure (0 when all is well).
   */
  public DemoOutcome run() throws InterruptedException {
    out.println(
        "1. Connecting the demo user's accounts through OAuth (simulated account '"
            + SIMULATED_ACCOUNT
            + "')");
    Connection fitbit = connect("fitbit", "Fitbit (Google Health API)");
    Connection strava = connect("strava", "Strava");

    out.println("2. Sync configs (conflicts: source wins)");
    SyncConfig toStrava = config(fitbit, strava, DataType.WORKOUT);
    SyncConfig toFitbit = config(strava, fitbit, DataType.WORKOUT);
    out.println("   workouts  Fitbit -> Strava   " + toStrava.configId());
    out.println("   workouts  Strava -> Fitbit   " + toFitbit.configId());

    out.println("3. First sync (through the job queue and the workers)");
    Map<String, JobRun> first = runAll(List.of(toStrava, toFitbit));
    printRound(
        first,
        Map.of(toStrava.configId(), "Fitbit -> Strava", toFitbit.configId(), "Strava -> Fitbit"));

    out.println("4. Read from Fitbit, summarised here and never stored");
    summarise(fitbit);

    out.println("5. Second sync: nothing new, so nothing may be written");
    Map<String, JobRun> second = runAll(List.of(toStrava, toFitbit));
    printRound(
        second,
        Map.of(toStrava.configId(), "Fitbit -> Strava", toFitbit.configId(), "Strava -> Fitbit"));

    return DemoOutcome.of(first.values(), second.values());
  }

  private Connection connect(String provider, String name) {
    Connector connector =
        platform
            .connectors()
            .forProvider(provider)
            .orElseThrow(() -> new IllegalStateException(provider + " is not configured"));
    TokenSet tokens = consent.approve(connector.oauth(), SIMULATED_ACCOUNT);
    String account =
        tokens
            .providerUserId()
            .orElseThrow(() -> new IllegalStateException(provider + " named no account"));
    Optional<Connection> existing =
        platform.connections().listByUser(USER).stream()
            .filter(c -> c.provider().equals(provider) && c.providerUserId().equals(account))
            .findFirst();
    Connection connection;
    if (existing.isPresent()) {
      platform
          .connections()
          .reauthorize(USER, existing.get().connectionId(), tokens, existing.get().version());
      connection = platform.connections().get(USER, existing.get().connectionId()).orElseThrow();
      out.println("   " + name + ": authorized again, connection " + connection.connectionId());
    } else {
      connection =
          switch (platform.connections().create(USER, provider, account, tokens)) {
            case ConnectionCreated created -> created.connection();
            case AlreadyConnected already -> already.existing();
            case ProviderAccountInUse inUse ->
                throw new IllegalStateException(provider + " account belongs to another user");
          };
      out.println("   " + name + ": connected, connection " + connection.connectionId());
    }
    return connection;
  }

  private SyncConfig config(Connection source, Connection destination, DataType type) {
    return platform.configs().listByUser(USER).stream()
        .filter(
            c ->
                c.spec().sourceConnectionId().equals(source.connectionId())
                    && c.spec().destinationConnectionId().equals(destination.connectionId())
                    && c.spec().dataType() == type)
        .findFirst()
        .orElseGet(
            () ->
                platform
                    .configs()
                    .create(
                        USER,
                        new SyncConfigSpec(
                            source.connectionId(),
                            destination.connectionId(),
                            type,
                            ConflictStrategy.SOURCE_WINS,
                            true,
                            Optional.of("PRO"),
                            Optional.empty())));
  }

  private Map<String, JobRun> runAll(List<SyncConfig> configs) throws InterruptedException {
    Map<String, CompletableFuture<JobRun>> ends = new LinkedHashMap<>();
    for (SyncConfig config : configs) {
      String jobId = platform.jobs().create(USER, config.configId(), JobTrigger.MANUAL).jobId();
      ends.put(config.configId(), signals.endOf(jobId));
      platform.queue().send(OutgoingMessage.of(new SyncJobMessage(USER, jobId).toBody()));
    }
    Map<String, JobRun> runs = new LinkedHashMap<>();
    Instant deadline = Instant.now().plus(JOB_BOUND);
    for (var end : ends.entrySet()) {
      try {
        long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
        runs.put(end.getKey(), end.getValue().get(left, TimeUnit.MILLISECONDS));
      } catch (TimeoutException e) {
        runs.put(
            end.getKey(),
            new JobRun.NotRun("did not finish within " + JOB_BOUND.toSeconds() + " s"));
      } catch (ExecutionException e) {
        runs.put(
            end.getKey(), new JobRun.NotRun("failed: " + e.getCause().getClass().getSimpleName()));
      }
    }
    return runs;
  }

  private void printRound(Map<String, JobRun> runs, Map<String, String> names) {
    for (var run : runs.entrySet()) {
      String name = names.get(run.getKey());
      switch (run.getValue()) {
        case JobRun.Finished f -> {
          JobReport r = f.report();
          out.printf(
              Locale.ROOT,
              "   %-17s %s: listed %d, duplicates found %d, conflicts %d (source won %d, destination won %d),"
                  + " fetched %d, written %d, failed %d; provider calls %d, %,d bytes%n",
              name,
              f.status(),
              r.listed(),
              r.duplicatesSkipped(),
              r.conflictsSourceWon() + r.conflictsDestinationWon(),
              r.conflictsSourceWon(),
              r.conflictsDestinationWon(),
              r.hydrated(),
              r.written(),
              r.failed(),
              r.providerCalls(),
              r.providerBytes());
          r.failures().stream()
              .limit(5)
              .forEach(x -> out.println("      failed " + x.sourceItemId() + ": " + x.reason()));
        }
        case JobRun.NotRun n -> out.println("   " + name + ": not run: " + n.reason());
        case JobRun.Deferred d -> out.println("   " + name + ": deferred: " + d.reason());
      }
    }
  }

  private void summarise(Connection fitbitConnection) {
    Connector fitbit = platform.connectors().forProvider("fitbit").orElseThrow();
    CallMeter meter = new CallMeter();
    ProviderSession session =
        new ProviderSession(
            fitbitConnection.connectionId(),
            new RefreshingCredentials(
                platform.connections().tokens(fitbitConnection),
                fitbit.oauth(),
                platform.connections().tokenSink(USER, fitbitConnection.connectionId()),
                clock),
            meter);
    Instant now = clock.instant();
    TimeWindow month = new TimeWindow(now.minus(Duration.ofDays(30)), now);
    List<RecordRef> weights = listAll(fitbit.reader(DataType.WEIGHT).orElseThrow(), session, month);
    Optional<RecordRef> latest = weights.stream().max(Comparator.comparing(RecordRef::start));
    String latestKg =
        latest
            .map(ref -> fitbit.reader(DataType.WEIGHT).orElseThrow().fetch(session, ref))
            .map(w -> String.format(Locale.ROOT, ", latest %.1f kg", ((BodyWeight) w).kilograms()))
            .orElse("");
    out.printf(
        Locale.ROOT, "   weight: %d weighings in the last 30 days%s%n", weights.size(), latestKg);
    List<RecordRef> nights =
        listAll(fitbit.reader(DataType.SLEEP_SESSION).orElseThrow(), session, month);
    double averageHours =
        nights.stream()
                .mapToLong(n -> Duration.between(n.start(), n.end()).toMinutes())
                .average()
                .orElse(0)
            / 60.0;
    out.printf(
        Locale.ROOT,
        "   sleep:  %d sessions in the last 30 days, %.1f h in bed on average%n",
        nights.size(),
        averageHours);
    out.printf(Locale.ROOT, "   (%d provider calls, %,d bytes)%n", meter.calls(), meter.bytes());
  }

  private static List<RecordRef> listAll(
      RecordReader reader, ProviderSession session, TimeWindow window) {
    List<RecordRef> all = new ArrayList<>();
    Optional<Cursor> cursor = Optional.empty();
    ChangePage page;
    do {
      page = reader.listChanges(session, cursor, window);
      all.addAll(page.records());
      cursor = Optional.of(page.next());
    } while (page.more());
    return all;
  }
}
