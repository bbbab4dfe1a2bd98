package com.syncwell.connector.fitbit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.connector.ChangePage;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.TimeWindow;
import com.syncwell.domain.DataType;
import com.syncwell.domain.RecordRef;
import com.syncwell.domain.SportType;
import com.syncwell.domain.Workout;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FitbitExerciseReaderTest extends FitbitWireMockTest {
  static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-02-20T00:00:00Z"), Instant.parse("2026-02-27T00:00:00Z"));
  static final String ID = "8896720705097069096";

  RecordReader reader() {
    return connector.reader(DataType.WORKOUT).orElseThrow();
  }

  @Test
  void lists_the_fixture_exercise_with_the_observed_civil_filter_page_size_and_bearer_token() {
    wm.stubFor(
        get(urlPathEqualTo(EXERCISES))
            .willReturn(okJson(fixture("exercise-list-response.docs-example.json"))));

    ChangePage page = reader().listChanges(session(), Optional.empty(), WINDOW);

    wm.verify(
        getRequestedFor(urlPathEqualTo(EXERCISES))
            .withQueryParam(
                "filter",
                equalTo(
                    "exercise.interval.civil_start_time >= \"2026-02-19T10:00:00\" AND"
                        + " exercise.interval.civil_start_time < \"2026-02-27T14:00:00\""))
            .withQueryParam("pageSize", equalTo("25"))
            .withQueryParam("pageToken", absent())
            .withHeader("Authorization", equalTo("Bearer access-1")));
    assertThat(page.more()).isFalse(); // "nextPageToken": "" ends the listing
    assertThat(page.records()).hasSize(1);
    RecordRef ref = page.records().get(0);
    assertThat(ref.provider()).isEqualTo("fitbit");
    assertThat(ref.recordId()).isEqualTo(ID);
    assertThat(ref.dataType()).isEqualTo(DataType.WORKOUT);
    assertThat(ref.start()).isEqualTo(OffsetDateTime.parse("2026-02-23T08:10:00-05:00"));
    assertThat(ref.end()).isEqualTo(OffsetDateTime.parse("2026-02-23T08:25:00-05:00"));
    assertThat(ref.lastModified()).contains(Instant.parse("2026-02-24T01:19:22.450466Z"));
    assertThat(ref.sport()).contains(SportType.WALKING);
    assertThat(ref.provenanceMarker()).isEmpty();
  }

  @Test
  void the_documented_physical_member_can_be_configured_instead() {
    connector = connectorWith(settings.withExerciseFilterMember("exercise.interval.start_time"));
    wm.stubFor(get(urlPathEqualTo(EXERCISES)).willReturn(okJson("{}")));

    reader().listChanges(session(), Optional.empty(), WINDOW);

    wm.verify(
        getRequestedFor(urlPathEqualTo(EXERCISES))
            .withQueryParam(
                "filter",
                equalTo(
                    "exercise.interval.start_time >= \"2026-02-20T00:00:00Z\" AND"
                        + " exercise.interval.start_time < \"2026-02-27T00:00:00Z\"")));
  }

  @Test
  void paging_follows_next_page_tokens_and_ends_on_an_absent_token() {
    wm.stubFor(
        get(urlPathEqualTo(EXERCISES))
            .withQueryParam("pageToken", absent())
            .willReturn(
                okJson(
                    fixture("exercise-list-response.docs-example.json")
                        .replace("\"nextPageToken\": \"\"", "\"nextPageToken\": \"page-2\""))));
    wm.stubFor(
        get(urlPathEqualTo(EXERCISES))
            .withQueryParam("pageToken", equalTo("page-2"))
            .willReturn(okJson("{}")));

    ChangePage first = reader().listChanges(session(), Optional.empty(), WINDOW);
    ChangePage second = reader().listChanges(session(), Optional.of(first.next()), WINDOW);

    assertThat(first.more()).isTrue();
    assertThat(first.records()).hasSize(1);
    assertThat(second.more()).isFalse();
    assertThat(second.records()).isEmpty();
    wm.verify(
        getRequestedFor(urlPathEqualTo(EXERCISES))
            .withQueryParam("pageToken", equalTo("page-2"))
            .withQueryParam(
                "filter",
                equalTo(
                    "exercise.interval.civil_start_time >= \"2026-02-19T10:00:00\" AND"
                        + " exercise.interval.civil_start_time < \"2026-02-27T14:00:00\"")));
    assertThat(highWater(second)).isEqualTo(Instant.parse("2026-02-23T13:10:00Z"));
  }

  @Test
  void
      the_next_run_rereads_three_days_before_the_high_water_mark_and_the_cursor_never_moves_back() {
    wm.stubFor(
        get(urlPathEqualTo(EXERCISES))
            .willReturn(okJson(fixture("exercise-list-response.docs-example.json"))));
    ChangePage first = reader().listChanges(session(), Optional.empty(), WINDOW);
    wm.resetRequests();
    wm.stubFor(get(urlPathEqualTo(EXERCISES)).willReturn(okJson("{\"nextPageToken\": \"\"}")));
    TimeWindow later = new TimeWindow(WINDOW.from(), Instant.parse("2026-03-01T00:00:00Z"));

    ChangePage next = reader().listChanges(session(), Optional.of(first.next()), later);

    wm.verify(
        getRequestedFor(urlPathEqualTo(EXERCISES))
            .withQueryParam(
                "filter",
                equalTo(
                    "exercise.interval.civil_start_time >= \"2026-02-19T23:10:00\" AND"
                        + " exercise.interval.civil_start_time < \"2026-03-01T14:00:00\"")));
    assertThat(next.more()).isFalse();
    assertThat(highWater(next)).isEqualTo(highWater(first));
    // a window that ends before the overlap start lists nothing and keeps the cursor
    ChangePage none =
        reader()
            .listChanges(
                session(),
                Optional.of(next.next()),
                new TimeWindow(
                    Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-02-02T00:00:00Z")));
    assertThat(none.records()).isEmpty();
    assertThat(highWater(none)).isEqualTo(highWater(next));
  }

  @Test
  void points_outside_the_window_are_not_listed_although_the_civil_query_is_wider() {
    wm.stubFor(
        get(urlPathEqualTo(EXERCISES))
            .willReturn(okJson(fixture("exercise-list-response.docs-example.json"))));
    TimeWindow after =
        new TimeWindow(
            Instant.parse("2026-02-23T13:10:01Z"), Instant.parse("2026-02-24T00:00:00Z"));

    ChangePage page = reader().listChanges(session(), Optional.empty(), after);

    assertThat(page.records()).isEmpty();
    assertThat(highWater(page)).isEqualTo(after.from());
  }

  @Test
  void fetch_converts_the_fixture_units_and_adds_the_tcx_samples() {
    wm.stubFor(
        get(urlPathEqualTo(EXERCISES + "/" + ID)).willReturn(okJson(fixtureExercise().toString())));
    wm.stubFor(
        get(urlPathEqualTo(EXERCISES + "/" + ID + ":exportExerciseTcx"))
            .withQueryParam("alt", equalTo("media"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/vnd.garmin.tcx+xml")
                    .withBody(
                        FakeTcxCodec.tcx(
                            FakeTcxCodec.point("2026-02-23T13:10:00Z", 95),
                            FakeTcxCodec.point("2026-02-23T13:17:30Z", 110),
                            FakeTcxCodec.point("2026-02-23T13:40:00Z", 90)))));

    Workout w = (Workout) reader().fetch(session(), ref());

    assertThat(w.sport()).isEqualTo(SportType.WALKING);
    assertThat(w.title()).contains("Walk");
    assertThat(w.start()).isEqualTo(OffsetDateTime.parse("2026-02-23T08:10:00-05:00"));
    assertThat(w.distanceMetres().getAsDouble()).isEqualTo(1609.344); // distanceMillimiters
    assertThat(w.energyJoules().getAsDouble()).isEqualTo(16 * 4184.0);
    assertThat(w.movingTime()).contains(Duration.ofSeconds(900));
    assertThat(w.elevationGainMetres()).isEmpty();
    assertThat(w.samples()).hasSize(2); // the point after the end is dropped
    assertThat(w.samples().get(1).heartRateBpm()).isEqualTo(110);
  }

  @Test
  void an_unreadable_or_missing_tcx_gives_the_workout_without_samples() {
    wm.stubFor(
        get(urlPathEqualTo(EXERCISES + "/" + ID)).willReturn(okJson(fixtureExercise().toString())));
    wm.stubFor(
        get(urlPathEqualTo(EXERCISES + "/" + ID + ":exportExerciseTcx"))
            .willReturn(aResponse().withStatus(200).withBody("PK\u0003\u0004 not xml")));

    assertThat(((Workout) reader().fetch(session(), ref())).samples()).isEmpty();

    wm.stubFor(
        get(urlPathEqualTo(EXERCISES + "/" + ID + ":exportExerciseTcx"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Error 404 (Not Found)</body></html>")));

    Workout w = (Workout) reader().fetch(session(), ref());
    assertThat(w.samples()).isEmpty();
    assertThat(w.distanceMetres().getAsDouble()).isEqualTo(1609.344);
  }

  @Test
  void own_writes_carry_the_key_as_provenance_marker_and_foreign_points_do_not() {
    ObjectNode own = fixtureExercise().deepCopy();
    ObjectNode source = own.putObject("dataSource");
    source.put("platform", "GOOGLE_WEB_API");
    source.putObject("application").put("googleWebClientId", CLIENT_ID);
    ((ObjectNode) own.get("exercise")).put("notes", "syncwell:cfg1.src-42.run");
    ObjectNode otherApp = own.deepCopy();
    otherApp.put("name", "users/1/dataTypes/exercise/dataPoints/777");
    ((ObjectNode) otherApp.path("dataSource").path("application"))
        .put("googleWebClientId", "someone-else.apps.googleusercontent.com");
    ObjectNode list = JSON.createObjectNode();
    list.putArray("dataPoints").add(own).add(otherApp);
    wm.stubFor(get(urlPathEqualTo(EXERCISES)).willReturn(okJson(list.toString())));

    ChangePage page = reader().listChanges(session(), Optional.empty(), WINDOW);

    assertThat(page.records()).hasSize(2);
    assertThat(page.records().get(0).provenanceMarker()).contains("cfg1.src-42.run");
    assertThat(page.records().get(1).provenanceMarker()).isEmpty();
  }

  @Test
  void an_own_write_without_our_note_is_still_marked_as_ours() {
    ObjectNode own = fixtureExercise().deepCopy();
    own.putObject("dataSource")
        .put("platform", "GOOGLE_WEB_API")
        .putObject("application")
        .put("googleWebClientId", CLIENT_ID);
    ObjectNode list = JSON.createObjectNode();
    list.putArray("dataPoints").add(own);
    wm.stubFor(get(urlPathEqualTo(EXERCISES)).willReturn(okJson(list.toString())));

    RecordRef ref = reader().listChanges(session(), Optional.empty(), WINDOW).records().get(0);

    assertThat(ref.provenanceMarker()).contains("google-web-client:" + CLIENT_ID);
  }

  @Test
  void a_malformed_answer_or_point_is_permanent() {
    wm.stubFor(get(urlPathEqualTo(EXERCISES)).willReturn(okJson("{\"dataPoints\": [")));
    assertThatThrownBy(() -> reader().listChanges(session(), Optional.empty(), WINDOW))
        .isInstanceOf(Permanent.class);

    wm.stubFor(
        get(urlPathEqualTo(EXERCISES))
            .willReturn(okJson("{\"dataPoints\": [{\"name\": \"x/1\", \"exercise\": {}}]}")));
    assertThatThrownBy(() -> reader().listChanges(session(), Optional.empty(), WINDOW))
        .isInstanceOf(Permanent.class);

    wm.stubFor(
        get(urlPathEqualTo(EXERCISES + "/" + ID))
            .willReturn(okJson("{\"exercise\": {\"interval\": {\"startTime\": \"yesterday\"}}}")));
    assertThatThrownBy(() -> reader().fetch(session(), ref())).isInstanceOf(Permanent.class);
  }

  private static RecordRef ref() {
    return new RecordRef(
        "fitbit",
        ID,
        DataType.WORKOUT,
        OffsetDateTime.parse("2026-02-23T08:10:00-05:00"),
        OffsetDateTime.parse("2026-02-23T08:25:00-05:00"),
        Optional.empty(),
        0,
        Optional.of(SportType.WALKING),
        Optional.empty());
  }

  static Instant highWater(ChangePage page) {
    return ListingCursor.decode(page.next()).highWater();
  }
}
