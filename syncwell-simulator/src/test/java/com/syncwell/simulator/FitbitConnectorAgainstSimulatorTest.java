package com.syncwell.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.connector.AuthorizationRevoked;
import com.syncwell.connector.IdempotencyKey;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RateLimited;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.TimeWindow;
import com.syncwell.connector.TokenSet;
import com.syncwell.connector.Transient;
import com.syncwell.connector.WriteOutcome;
import com.syncwell.connector.files.WorkoutFileFormat;
import com.syncwell.connector.files.WorkoutFiles;
import com.syncwell.connector.fitbit.FitbitConnector;
import com.syncwell.connector.fitbit.GoogleHealthSettings;
import com.syncwell.connector.strava.StravaConnector;
import com.syncwell.connector.strava.StravaSettings;
import com.syncwell.domain.BodyWeight;
import com.syncwell.domain.DailySteps;
import com.syncwell.domain.DataType;
import com.syncwell.domain.RecordRef;
import com.syncwell.domain.SportType;
import com.syncwell.domain.Workout;
import com.syncwell.simulator.data.Account;
import com.syncwell.simulator.data.SimWorkout;
import com.syncwell.simulator.data.StepsInterval;
import com.syncwell.simulator.data.WorkoutFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Fitbit (Google Health API) connector against the simulator's Google Health API. */
class FitbitConnectorAgainstSimulatorTest {
  private ConnectorTestbed bed;
  private FitbitConnector fitbit;

  @BeforeEach
  void start() {
    bed = new ConnectorTestbed();
    fitbit =
        new FitbitConnector(
            GoogleHealthSettings.of(
                URI.create(bed.env.get("SYNCWELL_FITBIT_BASE_URL")),
                URI.create(bed.env.get("SYNCWELL_FITBIT_AUTH_URL")),
                URI.create(bed.env.get("SYNCWELL_FITBIT_TOKEN_URL")),
                bed.env.get("SYNCWELL_FITBIT_CLIENT_ID"),
                bed.env.get("SYNCWELL_FITBIT_CLIENT_SECRET")),
            bed.client,
            bed.clock(),
            WorkoutFiles.codec(WorkoutFileFormat.TCX));
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  private ProviderSession connect(String user) throws Exception {
    return bed.session(fitbit.oauth(), bed.connect(fitbit.oauth(), user));
  }

  private RecordReader reader(DataType type) {
    return fitbit.reader(type).orElseThrow();
  }

  private Account alice() {
    return bed.sim.accounts().named("alice");
  }

  private static boolean utcMidnightIn(LocalDate d, TimeWindow window) {
    return window.contains(d.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  @Test
  void the_oauth_dance_with_pkce_gives_tokens_naming_the_health_user() throws Exception {
    TokenSet tokens = bed.connect(fitbit.oauth(), "alice");

    assertThat(tokens.refreshToken()).isPresent();
    assertThat(tokens.providerUserId()).contains(alice().person().healthUserId());
  }

  @Test
  void listing_every_type_over_90_days_matches_what_the_simulator_holds() throws Exception {
    ProviderSession session = connect("alice");
    TimeWindow window = bed.last90Days();
    Instant now = bed.clock().instant();
    var store = alice().fitbit();
    Set<LocalDate> stepDays =
        store.steps(window.from().minus(Duration.ofDays(2)), now, now).stream()
            .map(s -> s.start().atOffset(s.offset()).toLocalDate())
            .filter(d -> utcMidnightIn(d, window))
            .map(d -> d)
            .collect(Collectors.toSet());
    Map<DataType, Set<String>> expected =
        Map.of(
            DataType.WORKOUT,
            store.workouts().stream()
                .filter(w -> window.contains(w.start()))
                .map(SimWorkout::id)
                .collect(Collectors.toSet()),
            DataType.SLEEP_SESSION,
            store.sleeps().stream()
                .filter(s -> window.contains(s.session().start().toInstant()))
                .map(s -> s.id())
                .collect(Collectors.toSet()),
            DataType.WEIGHT,
            store.weights().stream()
                .filter(w -> window.contains(w.weight().time().toInstant()))
                .map(w -> w.id())
                .collect(Collectors.toSet()),
            DataType.HEART_RATE,
            store.restingHeartRates().stream()
                .map(r -> r.value().date())
                .filter(d -> utcMidnightIn(d, window))
                .map(LocalDate::toString)
                .collect(Collectors.toSet()),
            DataType.STEPS,
            stepDays.stream().map(LocalDate::toString).collect(Collectors.toSet()));

    for (var entry : expected.entrySet()) {
      var listing =
          ConnectorTestbed.listAll(reader(entry.getKey()), session, Optional.empty(), window);
      assertThat(listing.records())
          .as(entry.getKey() + " listed once each")
          .extracting(RecordRef::recordId)
          .doesNotHaveDuplicates();
      assertThat(listing.records().stream().map(RecordRef::recordId).collect(Collectors.toSet()))
          .as(entry.getKey() + " listed = held")
          .isEqualTo(entry.getValue())
          .isNotEmpty();
    }
  }

  @Test
  void a_window_with_sub_millisecond_bounds_pages_with_the_same_filter_on_every_page()
      throws Exception {
    ProviderSession session = connect("alice");
    TimeWindow coarse = bed.last90Days();
    TimeWindow window =
        new TimeWindow(coarse.from().plusNanos(123_456), coarse.to().minusNanos(654_321));

    for (DataType type : List.of(DataType.SLEEP_SESSION, DataType.WORKOUT, DataType.WEIGHT)) {
      var listing = ConnectorTestbed.listAll(reader(type), session, Optional.empty(), window);
      assertThat(listing.records()).as(type + " listed across pages").hasSizeGreaterThan(25);
    }
  }

  @Test
  void exercise_listing_pages_cursors_never_go_back_and_a_relisting_gives_only_the_overlap()
      throws Exception {
    ProviderSession session = connect("alice");
    TimeWindow window = bed.last90Days();
    var first =
        ConnectorTestbed.listAll(reader(DataType.WORKOUT), session, Optional.empty(), window);
    assertThat(first.cursors()).hasSizeGreaterThan(1); // pages of 25
    Instant latest =
        first.records().stream().map(r -> r.start().toInstant()).max(Instant::compareTo).get();

    var second =
        ConnectorTestbed.listAll(
            reader(DataType.WORKOUT), session, Optional.of(first.last()), window);

    assertThat(second.records()).isNotEmpty();
    assertThat(second.records())
        .allSatisfy(
            r ->
                assertThat(r.start().toInstant())
                    .isAfterOrEqualTo(latest.minus(GoogleHealthSettings.DEFAULT_OVERLAP)));
    assertThat(first.records())
        .extracting(RecordRef::recordId)
        .containsAll(second.records().stream().map(RecordRef::recordId).toList());
    // an opaque cursor: a relisting from it must not re-read more than the overlap, checked above
  }

  @Test
  void fetched_exercises_carry_the_tcx_samples_and_agree_with_the_listing() throws Exception {
    ProviderSession session = connect("alice");
    var listing =
        ConnectorTestbed.listAll(
            reader(DataType.WORKOUT), session, Optional.empty(), bed.last90Days());
    Map<String, SimWorkout> held =
        alice().fitbit().workouts().stream()
            .collect(Collectors.toMap(SimWorkout::id, Function.identity()));

    int checked = 0;
    for (RecordRef ref : listing.records()) {
      SimWorkout sw = held.get(ref.recordId());
      if (!sw.hasGps() || checked == 3) {
        continue;
      }
      checked++;
      Workout w = (Workout) reader(DataType.WORKOUT).fetch(session, ref);
      assertThat(w.start().toInstant()).isEqualTo(ref.start().toInstant());
      assertThat(w.end().toInstant()).isEqualTo(ref.end().toInstant());
      assertThat(Optional.of(w.sport())).isEqualTo(ref.sport());
      long expected =
          WorkoutFactory.streams(alice().person(), sw).stream()
              .filter(p -> !p.time().isBefore(sw.start()) && !p.time().isAfter(sw.end()))
              .count();
      assertThat((long) w.samples().size()).isEqualTo(expected).isPositive();
    }
    assertThat(checked).isEqualTo(3);
  }

  @Test
  void a_steps_day_fetches_the_rollup_total_of_the_simulator() throws Exception {
    ProviderSession session = connect("alice");
    LocalDate day = LocalDate.ofInstant(bed.clock().instant(), ZoneOffset.UTC).minusDays(3);
    Instant now = bed.clock().instant();
    long held =
        alice().fitbit().steps(now.minus(Duration.ofDays(6)), now, now).stream()
            .filter(s -> s.start().atOffset(s.offset()).toLocalDate().equals(day))
            .mapToLong(StepsInterval::count)
            .sum();
    RecordRef ref =
        new RecordRef(
            "fitbit",
            day.toString(),
            DataType.STEPS,
            day.atStartOfDay().atOffset(ZoneOffset.UTC),
            day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC),
            Optional.empty(),
            0,
            Optional.empty(),
            Optional.empty());

    assertThat(reader(DataType.STEPS).fetch(session, ref)).isEqualTo(new DailySteps(day, held));
  }

  @Test
  void written_exercise_and_weight_come_back_as_our_own_and_a_second_write_is_a_duplicate()
      throws Exception {
    ProviderSession session = connect("alice");
    TimeWindow window = bed.last90Days();
    Instant start =
        bed.clock().instant().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS);
    Workout ride =
        Workout.of(
                SportType.CYCLING,
                start.atOffset(ZoneOffset.ofHours(1)),
                start.plusSeconds(3600).atOffset(ZoneOffset.ofHours(1)))
            .withDistance(25_000);
    IdempotencyKey rideKey = new IdempotencyKey("cfg3-strava-ride-0003");
    BodyWeight weight =
        new BodyWeight(
            start.plusSeconds(7).atOffset(ZoneOffset.ofHours(1)),
            71.4,
            java.util.OptionalDouble.empty());
    IdempotencyKey weightKey = new IdempotencyKey("cfg4-withings-w-0004");

    WriteOutcome rideOutcome =
        fitbit.writer(DataType.WORKOUT).orElseThrow().write(session, ride, rideKey);
    WriteOutcome weightOutcome =
        fitbit.writer(DataType.WEIGHT).orElseThrow().write(session, weight, weightKey);

    assertThat(rideOutcome).isInstanceOf(WriteOutcome.Created.class);
    assertThat(weightOutcome).isInstanceOf(WriteOutcome.Created.class);
    String rideId = ((WriteOutcome.Created) rideOutcome).recordId();
    String weightId = ((WriteOutcome.Created) weightOutcome).recordId();
    RecordRef listedRide =
        ConnectorTestbed.listAll(reader(DataType.WORKOUT), session, Optional.empty(), window)
            .records()
            .stream()
            .filter(r -> r.recordId().equals(rideId))
            .findFirst()
            .orElseThrow();
    assertThat(listedRide.provenanceMarker()).contains(rideKey.value());
    assertThat(listedRide.sport()).contains(SportType.CYCLING);
    RecordRef listedWeight =
        ConnectorTestbed.listAll(reader(DataType.WEIGHT), session, Optional.empty(), window)
            .records()
            .stream()
            .filter(r -> r.recordId().equals(weightId))
            .findFirst()
            .orElseThrow();
    assertThat(listedWeight.provenanceMarker()).contains(weightKey.value());

    assertThat(fitbit.writer(DataType.WORKOUT).orElseThrow().write(session, ride, rideKey))
        .isEqualTo(new WriteOutcome.DuplicateFound(rideId));
    assertThat(fitbit.writer(DataType.WEIGHT).orElseThrow().write(session, weight, weightKey))
        .isEqualTo(new WriteOutcome.DuplicateFound(weightId));
  }

  @Test
  void an_expired_token_is_refreshed_once_and_the_call_succeeds() throws Exception {
    ProviderSession session = connect("alice");
    bed.faults(
        "{\"actions\":[{\"provider\":\"fitbit\",\"user\":\"alice\",\"expireAccessTokens\":true}]}");

    var page = reader(DataType.WEIGHT).listChanges(session, Optional.empty(), bed.last90Days());

    assertThat(page.records()).isNotEmpty();
    assertThat(bed.persisted).hasValue(1);
  }

  @Test
  void revoked_tokens_are_authorization_revoked() throws Exception {
    ProviderSession session = connect("alice");
    bed.faults(
        "{\"actions\":[{\"provider\":\"fitbit\",\"user\":\"alice\",\"revokeTokens\":true}]}");

    assertThatThrownBy(
            () -> reader(DataType.WEIGHT).listChanges(session, Optional.empty(), bed.last90Days()))
        .isInstanceOf(AuthorizationRevoked.class);
  }

  @Test
  void the_per_user_quota_gives_rate_limited_until_the_next_minute() throws Exception {
    ProviderSession session = connect("alice");
    bed.quotas("{\"fitbit\":{\"perUserPerMinute\":2}}");
    RateLimited limited = null;
    for (int calls = 0; calls < 5 && limited == null; calls++) {
      try {
        reader(DataType.WEIGHT).listChanges(session, Optional.empty(), bed.last90Days());
      } catch (RateLimited e) {
        limited = e;
      }
    }

    assertThat(limited).isNotNull();
    assertThat(limited.retryAt()).isEqualTo(Instant.parse("2026-12-01T10:08:00Z"));
  }

  @Test
  void a_503_fault_is_transient() throws Exception {
    ProviderSession session = connect("alice");
    bed.faults(
        "{\"rules\":[{\"provider\":\"fitbit\",\"user\":\"alice\",\"errorRate\":1.0,\"errorStatus\":503,\"seed\":1}]}");

    assertThatThrownBy(
            () -> reader(DataType.WEIGHT).listChanges(session, Optional.empty(), bed.last90Days()))
        .isInstanceOf(Transient.class);
  }

  @Test
  void the_same_person_on_both_providers_has_many_workouts_within_seconds_of_a_compatible_sport()
      throws Exception {
    ProviderSession google = connect("alice");
    StravaConnector strava =
        new StravaConnector(
            new StravaSettings(
                URI.create(bed.env.get("SYNCWELL_STRAVA_BASE_URL")),
                URI.create(bed.env.get("SYNCWELL_STRAVA_AUTH_URL")),
                URI.create(bed.env.get("SYNCWELL_STRAVA_TOKEN_URL")),
                bed.env.get("SYNCWELL_STRAVA_CLIENT_ID"),
                bed.env.get("SYNCWELL_STRAVA_CLIENT_SECRET")),
            bed.client,
            bed.clock(),
            WorkoutFiles.codec(WorkoutFileFormat.FIT),
            WorkoutFiles.codec(WorkoutFileFormat.TCX),
            millis -> {},
            StravaConnector.DEFAULT_RELIST_OVERLAP);
    ProviderSession stravaSession =
        bed.session(strava.oauth(), bed.connect(strava.oauth(), "alice"));
    TimeWindow window = bed.last90Days();

    List<RecordRef> fromGoogle =
        ConnectorTestbed.listAll(reader(DataType.WORKOUT), google, Optional.empty(), window)
            .records();
    List<RecordRef> fromStrava =
        ConnectorTestbed.listAll(
                strava.reader(DataType.WORKOUT).orElseThrow(),
                stravaSession,
                Optional.empty(),
                window)
            .records();

    long pairs =
        fromGoogle.stream()
            .filter(
                g ->
                    fromStrava.stream()
                        .anyMatch(
                            s ->
                                Math.abs(
                                            Duration.between(
                                                    g.start().toInstant(), s.start().toInstant())
                                                .toSeconds())
                                        <= 5
                                    && g.sport()
                                        .orElseThrow()
                                        .isCompatibleWith(s.sport().orElseThrow())))
            .count();
    assertThat(pairs)
        .isGreaterThanOrEqualTo(Math.round(Math.min(fromGoogle.size(), fromStrava.size()) * 0.5));
  }
}
