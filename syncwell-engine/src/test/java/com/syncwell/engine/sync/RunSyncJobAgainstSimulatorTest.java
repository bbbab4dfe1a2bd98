package com.syncwell.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.connector.Connector;
import com.syncwell.connector.OAuthClient;
import com.syncwell.connector.TokenSet;
import com.syncwell.connector.files.WorkoutFileFormat;
import com.syncwell.connector.files.WorkoutFiles;
import com.syncwell.connector.fitbit.FitbitConnector;
import com.syncwell.connector.fitbit.GoogleHealthSettings;
import com.syncwell.connector.strava.StravaConnector;
import com.syncwell.connector.strava.StravaSettings;
import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.JobReport;
import com.syncwell.engine.store.JobStatus;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatedConsent;
import com.syncwell.simulator.SimulatorOptions;
import com.syncwell.simulator.data.Account;
import com.syncwell.simulator.data.SimWorkout;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RunSyncJob against the embedded provider simulator, with the real Fitbit (Google Health API) and
 * Strava connectors built from {@code sim.environment()} and connected through their own OAuth.
 */
class RunSyncJobAgainstSimulatorTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:07:00Z");

  @TempDir Path dir;
  private ProviderSimulator sim;
  private SyncBed bed;
  private Connection fitbit;
  private Connection strava;
  private FitbitConnector fitbitConnector;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final HttpClient noRedirects =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void start() throws Exception {
    sim =
        ProviderSimulator.start(
            SimulatorOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    Map<String, String> env = sim.environment();
    Clock clock = sim.clock();
    fitbitConnector =
        new FitbitConnector(
            GoogleHealthSettings.of(
                URI.create(env.get("SYNCWELL_FITBIT_BASE_URL")),
                URI.create(env.get("SYNCWELL_FITBIT_AUTH_URL")),
                URI.create(env.get("SYNCWELL_FITBIT_TOKEN_URL")),
                env.get("SYNCWELL_FITBIT_CLIENT_ID"),
                env.get("SYNCWELL_FITBIT_CLIENT_SECRET")),
            client,
            clock,
            WorkoutFiles.codec(WorkoutFileFormat.TCX));
    StravaConnector stravaConnector =
        new StravaConnector(
            new StravaSettings(
                URI.create(env.get("SYNCWELL_STRAVA_BASE_URL")),
                URI.create(env.get("SYNCWELL_STRAVA_AUTH_URL")),
                URI.create(env.get("SYNCWELL_STRAVA_TOKEN_URL")),
                env.get("SYNCWELL_STRAVA_CLIENT_ID"),
                env.get("SYNCWELL_STRAVA_CLIENT_SECRET")),
            client,
            clock,
            WorkoutFiles.codec(WorkoutFileFormat.FIT),
            WorkoutFiles.codec(WorkoutFileFormat.TCX),
            millis -> {}, // no sleeping: the simulator's uploads are ready after a few polls
            StravaConnector.DEFAULT_RELIST_OVERLAP);
    Map<String, Connector> connectors = new HashMap<>();
    connectors.put(FitbitConnector.ID, fitbitConnector);
    connectors.put(StravaConnector.ID, stravaConnector);
    bed = new SyncBed(dir, clock, connectors, SyncSettings.DEFAULT, t -> t);
    fitbit = store(FitbitConnector.ID, connect(fitbitConnector.oauth(), "alice"));
    strava = store(StravaConnector.ID, connect(stravaConnector.oauth(), "alice"));
  }

  @AfterEach
  void stop() {
    bed.close();
    sim.close();
  }

  private Connection store(String provider, TokenSet tokens) {
    return bed.connect(provider, tokens.providerUserId().orElseThrow(), tokens);
  }

  /** The connector's authorization URL → the simulator's redirect → the connector's exchange. */
  private TokenSet connect(OAuthClient oauth, String simUser) throws Exception {
    return new SimulatedConsent(noRedirects).approve(oauth, simUser);
  }

  private Account alice() {
    return sim.accounts().named("alice");
  }

  private static boolean inLast30Days(SimWorkout w) {
    return !w.start().isBefore(NOW.minus(Duration.ofDays(30))) && w.start().isBefore(NOW);
  }

  private static long near(List<SimWorkout> workouts, SimWorkout w) {
    return workouts.stream()
        .filter(
            o -> Duration.between(o.start(), w.start()).abs().compareTo(Duration.ofMinutes(1)) <= 0)
        .count();
  }

  private static JobReport report(JobRun run) {
    assertThat(run).isInstanceOf(JobRun.Finished.class);
    assertThat(((JobRun.Finished) run).status()).isEqualTo(JobStatus.SUCCEEDED);
    return ((JobRun.Finished) run).report();
  }

  @Test
  void fitbit_workouts_of_the_last_30_days_reach_strava_once_and_twins_are_duplicates() {
    List<SimWorkout> fitbitWorkouts =
        alice().fitbit().workouts().stream()
            .filter(RunSyncJobAgainstSimulatorTest::inLast30Days)
            .toList();
    List<SimWorkout> stravaBefore = alice().strava().workouts();
    long twins = fitbitWorkouts.stream().filter(w -> near(stravaBefore, w) > 0).count();
    assertThat(fitbitWorkouts).isNotEmpty();
    assertThat(twins).isPositive().isLessThan(fitbitWorkouts.size());
    SyncConfig config = bed.config(fitbit, strava, ConflictStrategy.SOURCE_WINS);

    JobReport report = report(bed.runOnce(config));

    List<SimWorkout> stravaAfter = alice().strava().workouts();
    assertThat(fitbitWorkouts).allSatisfy(w -> assertThat(near(stravaAfter, w)).isEqualTo(1));
    assertThat(report.listed()).isEqualTo(fitbitWorkouts.size());
    assertThat(report.duplicatesSkipped()).isEqualTo(twins);
    assertThat(report.written()).isEqualTo(fitbitWorkouts.size() - twins);
    assertThat(report.hydrated()).isEqualTo(report.written());
    assertThat(report.failed()).isZero();
    assertThat(stravaAfter).hasSize(stravaBefore.size() + (int) (fitbitWorkouts.size() - twins));
    assertThat(report.providerCalls()).isPositive();
    assertThat(report.providerBytes()).isPositive();
  }

  @Test
  void a_second_run_writes_nothing_and_makes_one_listing_call() {
    SyncConfig config = bed.config(fitbit, strava, ConflictStrategy.SOURCE_WINS);
    report(bed.runOnce(config));
    sim.clock().advance(Duration.ofMinutes(20));
    sim.stats().reset();

    JobReport second = report(bed.runOnce(config));

    assertThat(second.written()).isZero();
    assertThat(second.hydrated()).isZero();
    assertThat(second.providerCalls()).isEqualTo(1);
    assertThat(sim.stats().calls("fitbit")).isEqualTo(1);
    assertThat(sim.stats().calls("strava")).isZero();
  }

  @Test
  void two_way_sync_never_echoes_a_record_back() {
    SyncConfig there = bed.config(fitbit, strava, ConflictStrategy.SOURCE_WINS);
    SyncConfig back = bed.config(strava, fitbit, ConflictStrategy.SOURCE_WINS);
    List<SimWorkout> stravaOnly =
        alice().strava().workouts().stream()
            .filter(RunSyncJobAgainstSimulatorTest::inLast30Days)
            .filter(w -> near(alice().fitbit().workouts(), w) == 0)
            .toList();

    report(bed.runOnce(there));
    JobReport backReport = report(bed.runOnce(back));
    int fitbitCount = alice().fitbit().workouts().size();
    int stravaCount = alice().strava().workouts().size();
    sim.clock().advance(Duration.ofMinutes(20));
    sim.stats().reset();
    JobReport thereAgain = report(bed.runOnce(there));
    JobReport backAgain = report(bed.runOnce(back));

    assertThat(backReport.written()).isEqualTo(stravaOnly.size());
    assertThat(thereAgain.written()).isZero();
    assertThat(backAgain.written()).isZero();
    assertThat(alice().fitbit().workouts()).hasSize(fitbitCount);
    assertThat(alice().strava().workouts()).hasSize(stravaCount);
    // one listing per (connection, data type), nothing else
    assertThat(sim.stats().calls("fitbit")).isEqualTo(1);
    assertThat(sim.stats().calls("strava")).isEqualTo(1);
    List<SimWorkout> everyFitbit = alice().fitbit().workouts();
    assertThat(
            alice().strava().workouts().stream()
                .filter(RunSyncJobAgainstSimulatorTest::inLast30Days))
        .allSatisfy(w -> assertThat(near(everyFitbit, w)).isEqualTo(1));
  }

  /** Route templates of one provider with their call counts, from the simulator's stats. */
  private Map<String, Long> callsByRoute(String provider) {
    Map<String, Long> out = new TreeMap<>();
    JsonNode routes = sim.stats().toJson().path(provider).path("routes");
    routes.properties().forEach(e -> out.put(e.getKey(), e.getValue().path("calls").asLong()));
    return out;
  }

  @Test
  void an_unchanged_second_sync_lists_each_connection_and_data_type_once_and_writes_nothing()
      throws Exception {
    // alice's Fitbit is the source of two configs: workouts to Strava, weighings to bob's Fitbit
    Connection bobsFitbit = store(FitbitConnector.ID, connect(fitbitConnector.oauth(), "bob"));
    SyncConfig workouts = bed.config(fitbit, strava, ConflictStrategy.SOURCE_WINS);
    SyncConfig weights =
        bed.config(fitbit, bobsFitbit, DataType.WEIGHT, ConflictStrategy.SOURCE_WINS);
    JobReport firstWorkouts = report(bed.runOnce(workouts));
    JobReport firstWeights = report(bed.runOnce(weights));
    assertThat(firstWorkouts.written()).isPositive();
    assertThat(firstWeights.listed()).isPositive();
    assertThat(firstWeights.written() + firstWeights.duplicatesSkipped())
        .isEqualTo(firstWeights.listed());
    int stravaWorkouts = alice().strava().workouts().size();
    int bobsWeights = sim.accounts().named("bob").fitbit().weights().size();
    int alicesWeights = alice().fitbit().weights().size();
    sim.clock().advance(Duration.ofMinutes(20));
    sim.stats().reset();

    JobReport secondWorkouts = report(bed.runOnce(workouts));
    JobReport secondWeights = report(bed.runOnce(weights));

    for (JobReport second : List.of(secondWorkouts, secondWeights)) {
      assertThat(second.written()).isZero();
      assertThat(second.hydrated()).isZero();
      assertThat(second.failed()).isZero();
      assertThat(second.providerCalls()).isEqualTo(1); // the source listing, by the CallMeters
    }
    // the simulator counts by route template ({dataType} included): the two listings, nothing else
    assertThat(callsByRoute("fitbit").entrySet())
        .singleElement()
        .satisfies(
            route -> {
              assertThat(route.getKey()).startsWith("GET ").endsWith("/dataPoints");
              assertThat(route.getValue()).isEqualTo(2L);
            });
    assertThat(sim.stats().calls("fitbit")).isEqualTo(2);
    assertThat(sim.stats().calls("strava")).isZero();
    assertThat(alice().strava().workouts()).hasSize(stravaWorkouts);
    assertThat(sim.accounts().named("bob").fitbit().weights()).hasSize(bobsWeights);
    assertThat(alice().fitbit().weights()).hasSize(alicesWeights);
  }
}
