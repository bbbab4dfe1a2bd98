package com.syncwell.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.connector.AuthorizationRevoked;
import com.syncwell.connector.IdempotencyKey;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RateLimited;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.TokenSet;
import com.syncwell.connector.Transient;
import com.syncwell.connector.WriteOutcome;
import com.syncwell.connector.files.WorkoutFileFormat;
import com.syncwell.connector.files.WorkoutFiles;
import com.syncwell.connector.strava.StravaConnector;
import com.syncwell.connector.strava.StravaCursor;
import com.syncwell.connector.strava.StravaSettings;
import com.syncwell.domain.DataType;
import com.syncwell.domain.RecordRef;
import com.syncwell.domain.SportType;
import com.syncwell.domain.Workout;
import com.syncwell.simulator.data.SimWorkout;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Strava connector against the simulator's Strava, wired as the app wires it. */
class StravaConnectorAgainstSimulatorTest {
  private ConnectorTestbed bed;
  private StravaConnector strava;
  private final List<Long> pauses = new ArrayList<>();

  @BeforeEach
  void start() {
    bed = new ConnectorTestbed();
    strava = connector(bed);
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  private StravaConnector connector(ConnectorTestbed testbed) {
    StravaSettings settings =
        new StravaSettings(
            URI.create(testbed.env.get("SYNCWELL_STRAVA_BASE_URL")),
            URI.create(testbed.env.get("SYNCWELL_STRAVA_AUTH_URL")),
            URI.create(testbed.env.get("SYNCWELL_STRAVA_TOKEN_URL")),
            testbed.env.get("SYNCWELL_STRAVA_CLIENT_ID"),
            testbed.env.get("SYNCWELL_STRAVA_CLIENT_SECRET"));
    return new StravaConnector(
        settings,
        testbed.client,
        testbed.clock(),
        WorkoutFiles.codec(WorkoutFileFormat.FIT),
        WorkoutFiles.codec(WorkoutFileFormat.TCX),
        pauses::add, // no sleeping in tests: the simulator is ready after a fixed number of polls
        StravaConnector.DEFAULT_RELIST_OVERLAP);
  }

  private ProviderSession connect(String user) throws Exception {
    return bed.session(strava.oauth(), bed.connect(strava.oauth(), user));
  }

  private RecordReader reader() {
    return strava.reader(DataType.WORKOUT).orElseThrow();
  }

  private List<SimWorkout> held(String user) {
    var window = bed.last90Days();
    return bed.sim.accounts().named(user).strava().workouts().stream()
        .filter(w -> window.contains(w.start()))
        .toList();
  }

  @Test
  void the_oauth_dance_gives_tokens_naming_the_athlete() throws Exception {
    TokenSet tokens = bed.connect(strava.oauth(), "alice");

    assertThat(tokens.refreshToken()).isPresent();
    assertThat(tokens.providerUserId())
        .contains(Long.toString(bed.sim.accounts().named("alice").person().stravaAthleteId()));
    assertThat(tokens.expiresAt()).isAfter(bed.clock().instant().plus(Duration.ofHours(5)));
  }

  @Test
  void listing_90_days_pages_to_the_end_and_matches_what_the_simulator_holds() throws Exception {
    ProviderSession session = connect("alice");

    var listing = ConnectorTestbed.listAll(reader(), session, Optional.empty(), bed.last90Days());

    Set<String> expected = held("alice").stream().map(SimWorkout::id).collect(Collectors.toSet());
    assertThat(expected).hasSizeGreaterThan(30);
    assertThat(listing.records()).extracting(RecordRef::recordId).doesNotHaveDuplicates();
    assertThat(listing.records().stream().map(RecordRef::recordId).collect(Collectors.toSet()))
        .isEqualTo(expected);
    long previous = Long.MIN_VALUE;
    for (var cursor : listing.cursors()) {
      long mark = StravaCursor.decode(cursor).highWater();
      assertThat(mark).as("cursors never move backwards").isGreaterThanOrEqualTo(previous);
      previous = mark;
    }
  }

  @Test
  void a_second_listing_from_the_final_cursor_gives_only_the_overlap() throws Exception {
    ProviderSession session = connect("alice");
    var first = ConnectorTestbed.listAll(reader(), session, Optional.empty(), bed.last90Days());
    Instant latest =
        first.records().stream().map(r -> r.start().toInstant()).max(Instant::compareTo).get();

    var second =
        ConnectorTestbed.listAll(reader(), session, Optional.of(first.last()), bed.last90Days());

    assertThat(second.records()).isNotEmpty();
    assertThat(second.records())
        .allSatisfy(
            r ->
                assertThat(r.start().toInstant())
                    .isAfterOrEqualTo(latest.minus(StravaConnector.DEFAULT_RELIST_OVERLAP)));
    assertThat(first.records())
        .extracting(RecordRef::recordId)
        .containsAll(second.records().stream().map(RecordRef::recordId).toList());
    assertThat(StravaCursor.decode(second.last()).highWater())
        .isEqualTo(StravaCursor.decode(first.last()).highWater());
  }

  @Test
  void fetched_workouts_carry_all_stream_samples_and_agree_with_the_listing() throws Exception {
    ProviderSession session = connect("alice");
    var listing = ConnectorTestbed.listAll(reader(), session, Optional.empty(), bed.last90Days());
    String token =
        ((com.syncwell.connector.RefreshingCredentials) session.credentials())
            .tokens()
            .accessToken();

    for (RecordRef ref : listing.records().subList(0, 3)) {
      Workout w = (Workout) reader().fetch(session, ref);
      assertThat(w.start().toInstant()).isEqualTo(ref.start().toInstant());
      assertThat(w.end().toInstant()).isEqualTo(ref.end().toInstant());
      assertThat(Optional.of(w.sport())).isEqualTo(ref.sport());
      JsonNode streams =
          SimHttp.parse(
              bed.http.get(
                  "/strava/api/v3/activities/"
                      + ref.recordId()
                      + "/streams?keys=time&key_by_type=true",
                  token));
      int times = streams.path("time").path("data").size();
      assertThat(w.samples()).hasSize(times);
    }
  }

  @Test
  void an_uploaded_workout_is_created_listed_as_ours_and_a_second_write_is_a_duplicate()
      throws Exception {
    ProviderSession session = connect("alice");
    Instant start =
        bed.clock().instant().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
    Workout run =
        Workout.of(
                SportType.RUNNING,
                start.atOffset(ZoneOffset.ofHours(1)),
                start.plusSeconds(1800).atOffset(ZoneOffset.ofHours(1)))
            .withTitle("Lunch run")
            .withDistance(1800 * 2.8)
            .withSamples(ConnectorTestbed.runSamples(start, 1800));
    IdempotencyKey key = new IdempotencyKey("cfg1-fitbit-run-0001");
    var writer = strava.writer(DataType.WORKOUT).orElseThrow();
    var before = ConnectorTestbed.listAll(reader(), session, Optional.empty(), bed.last90Days());

    WriteOutcome outcome = writer.write(session, run, key);

    assertThat(outcome).isInstanceOf(WriteOutcome.Created.class);
    String id = ((WriteOutcome.Created) outcome).recordId();
    assertThat(pauses).isNotEmpty().allSatisfy(p -> assertThat(p).isPositive());
    var after =
        ConnectorTestbed.listAll(reader(), session, Optional.of(before.last()), bed.last90Days());
    RecordRef listed =
        after.records().stream().filter(r -> r.recordId().equals(id)).findFirst().orElseThrow();
    assertThat(listed.provenanceMarker()).contains("syncwell-" + key.value());
    assertThat(listed.start().toInstant()).isEqualTo(start);
    assertThat(listed.sport()).contains(SportType.RUNNING);

    assertThat(writer.write(session, run, key)).isEqualTo(new WriteOutcome.DuplicateFound(id));
  }

  @Test
  void the_plain_duplicate_wording_is_understood_too() throws Exception {
    try (ConnectorTestbed plain =
        new ConnectorTestbed(SimulatorOptions.defaults().withStravaDuplicateErrorAsLink(false))) {
      StravaConnector connector = connector(plain);
      ProviderSession session =
          plain.session(connector.oauth(), plain.connect(connector.oauth(), "bob"));
      Instant start =
          plain.clock().instant().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
      Workout ride =
          Workout.of(
                  SportType.RUNNING,
                  start.atOffset(ZoneOffset.UTC),
                  start.plusSeconds(900).atOffset(ZoneOffset.UTC))
              .withSamples(ConnectorTestbed.runSamples(start, 900));
      IdempotencyKey key = new IdempotencyKey("cfg2-fitbit-run-0002");
      var writer = connector.writer(DataType.WORKOUT).orElseThrow();

      WriteOutcome first = writer.write(session, ride, key);

      assertThat(first).isInstanceOf(WriteOutcome.Created.class);
      assertThat(writer.write(session, ride, key))
          .isEqualTo(new WriteOutcome.DuplicateFound(((WriteOutcome.Created) first).recordId()));
    }
  }

  @Test
  void an_expired_token_is_refreshed_once_and_the_call_succeeds() throws Exception {
    ProviderSession session = connect("alice");
    bed.faults(
        "{\"actions\":[{\"provider\":\"strava\",\"user\":\"alice\",\"expireAccessTokens\":true}]}");

    var listing = ConnectorTestbed.listAll(reader(), session, Optional.empty(), bed.last90Days());

    assertThat(listing.records()).isNotEmpty();
    assertThat(bed.persisted).hasValue(1);
  }

  @Test
  void revoked_tokens_are_authorization_revoked() throws Exception {
    ProviderSession session = connect("alice");
    bed.faults(
        "{\"actions\":[{\"provider\":\"strava\",\"user\":\"alice\",\"revokeTokens\":true}]}");

    assertThatThrownBy(() -> reader().listChanges(session, Optional.empty(), bed.last90Days()))
        .isInstanceOf(AuthorizationRevoked.class);
  }

  @Test
  void a_low_read_quota_stops_the_calls_until_the_next_quarter_hour() throws Exception {
    ProviderSession session = connect("alice");
    bed.quotas("{\"strava\":{\"read15\":3}}");
    RateLimited limited = null;
    int calls = 0;
    for (; calls < 10 && limited == null; calls++) {
      try {
        reader().listChanges(session, Optional.empty(), bed.last90Days());
      } catch (RateLimited e) {
        limited = e;
      }
    }

    assertThat(limited).as("rate limited within 10 calls").isNotNull();
    assertThat(limited.retryAt()).isEqualTo(Instant.parse("2026-12-01T10:15:00Z"));
    assertThat(calls).isLessThanOrEqualTo(4);
  }

  @Test
  void a_503_fault_is_transient() throws Exception {
    ProviderSession session = connect("alice");
    bed.faults(
        "{\"rules\":[{\"provider\":\"strava\",\"user\":\"alice\",\"errorRate\":1.0,\"errorStatus\":503,\"seed\":1}]}");

    assertThatThrownBy(() -> reader().listChanges(session, Optional.empty(), bed.last90Days()))
        .isInstanceOf(Transient.class);
  }
}
