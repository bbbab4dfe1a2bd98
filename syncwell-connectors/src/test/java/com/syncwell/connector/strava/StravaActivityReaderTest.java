package com.syncwell.connector.strava;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.connector.ChangePage;
import com.syncwell.connector.Cursor;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.TimeWindow;
import com.syncwell.domain.DataType;
import com.syncwell.domain.RecordRef;
import com.syncwell.domain.SportType;
import com.syncwell.domain.TrackPoint;
import com.syncwell.domain.Workout;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StravaActivityReaderTest {
  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2010-01-01T00:00:00Z"), StravaTestbed.NOW);
  private static final long AFTER = Instant.parse("2010-01-01T00:00:00Z").getEpochSecond() - 1;
  private static final long BEFORE = StravaTestbed.NOW.getEpochSecond();

  private final StravaTestbed bed = new StravaTestbed();
  private final RecordReader reader = bed.connector.reader(DataType.WORKOUT).orElseThrow();
  private final ProviderSession session = bed.session(StravaTestbed.OLD_TOKEN);

  @AfterEach
  void stop() {
    bed.close();
  }

  private String listUrl(long after, int page) {
    return "/api/v3/athlete/activities?after="
        + after
        + "&before="
        + BEFORE
        + "&page="
        + page
        + "&per_page=200";
  }

  @Test
  void listing_asks_for_the_window_oldest_first_with_the_bearer_token() {
    bed.server.stubFor(
        get(urlEqualTo(listUrl(AFTER, 1)))
            .willReturn(okJson(StravaTestbed.fixture("athlete-activities.docs-example.json"))));

    ChangePage page = reader.listChanges(session, Optional.empty(), WINDOW);

    bed.server.verify(
        getRequestedFor(urlEqualTo(listUrl(AFTER, 1)))
            .withHeader("Authorization", equalTo("Bearer " + StravaTestbed.OLD_TOKEN)));
    assertThat(page.more()).isFalse();
    assertThat(page.records())
        .extracting(RecordRef::recordId)
        .containsExactly("154504250376823", "1234567809");
    RecordRef first = page.records().get(0);
    assertThat(first.provider()).isEqualTo("strava");
    assertThat(first.dataType()).isEqualTo(DataType.WORKOUT);
    assertThat(first.start()).isEqualTo(OffsetDateTime.parse("2018-05-02T05:15:09-07:00"));
    assertThat(first.start().getOffset()).isEqualTo(ZoneOffset.ofHours(-7));
    assertThat(first.end()).isEqualTo(first.start().plusSeconds(4500));
    assertThat(first.sport()).contains(SportType.MOUNTAIN_BIKING);
    assertThat(first.sizeHintBytes()).isGreaterThan(StravaPayloads.DETAIL_BYTES);
    assertThat(first.provenanceMarker())
        .as("Strava's own garmin_push_ external id is not our marker")
        .isEmpty();
    assertThat(StravaCursor.decode(page.next()).highWaterMark())
        .isEqualTo(Instant.parse("2018-05-02T12:15:09Z"));
  }

  @Test
  void recorded_activities_without_utc_offset_take_the_offset_from_the_local_start() {
    bed.server.stubFor(
        get(urlEqualTo(listUrl(AFTER, 1)))
            .willReturn(okJson(StravaTestbed.fixture("athlete-activities.recorded-2014.json"))));

    ChangePage page = reader.listChanges(session, Optional.empty(), WINDOW);

    assertThat(page.records()).hasSize(14);
    RecordRef first = page.records().get(0);
    assertThat(first.recordId()).isEqualTo("103373338");
    assertThat(first.start()).isEqualTo(OffsetDateTime.parse("2013-09-28T10:27:59-07:00"));
    assertThat(first.start().getOffset()).isEqualTo(ZoneOffset.ofHours(-7));
    assertThat(first.sport()).contains(SportType.CYCLING);
    assertThat(page.records().get(1).sport()).contains(SportType.RUNNING);
    assertThat(page.more()).isFalse();
    assertThat(StravaCursor.decode(page.next()).highWaterMark())
        .isEqualTo(Instant.parse("2013-09-28T17:27:59Z"));
  }

  @Test
  void only_external_ids_with_the_syncwell_prefix_are_provenance_markers() {
    bed.server.stubFor(
        get(urlEqualTo(listUrl(AFTER, 1)))
            .willReturn(
                okJson(
                    "["
                        + activity(1, "syncwell-key-0001")
                        + ","
                        + activity(2, "garmin_push_1")
                        + "]")));

    ChangePage page = reader.listChanges(session, Optional.empty(), WINDOW);

    assertThat(page.records())
        .extracting(RecordRef::provenanceMarker)
        .containsExactly(Optional.of("syncwell-key-0001"), Optional.empty());
  }

  @Test
  void a_full_page_asks_for_the_next_and_exactly_200_on_the_last_page_ends_with_an_empty_one() {
    bed.server.stubFor(get(urlEqualTo(listUrl(AFTER, 1))).willReturn(okJson(activities(0, 200))));
    bed.server.stubFor(get(urlEqualTo(listUrl(AFTER, 2))).willReturn(okJson(activities(200, 200))));
    bed.server.stubFor(get(urlEqualTo(listUrl(AFTER, 3))).willReturn(okJson("[]")));

    List<ChangePage> pages = listAll(Optional.empty());

    assertThat(pages).extracting(ChangePage::more).containsExactly(true, true, false);
    assertThat(pages.stream().mapToInt(p -> p.records().size()).sum()).isEqualTo(400);
    assertCursorsNeverMoveBackwards(pages);
    assertThat(StravaCursor.decode(pages.get(2).next()).highWater()).isEqualTo(start(399));
    bed.server.verify(1, getRequestedFor(urlEqualTo(listUrl(AFTER, 3))));
  }

  @Test
  void an_empty_listing_ends_at_once_and_keeps_the_cursor_where_it_was() {
    bed.server.stubFor(get(urlEqualTo(listUrl(AFTER, 1))).willReturn(okJson(activities(0, 3))));
    ChangePage first = reader.listChanges(session, Optional.empty(), WINDOW);
    long high = StravaCursor.decode(first.next()).highWater();
    bed.server.stubFor(get(urlEqualTo(listUrl(high, 1))).willReturn(okJson("[]")));

    ChangePage again = reader.listChanges(session, Optional.of(first.next()), WINDOW);

    assertThat(again.records()).isEmpty();
    assertThat(again.more()).isFalse();
    assertThat(StravaCursor.decode(again.next()).highWater()).isEqualTo(high);
  }

  @Test
  void a_later_pass_starts_the_overlap_before_the_high_water_mark() {
    try (StravaTestbed overlapping = new StravaTestbed(Duration.ofDays(3))) {
      RecordReader r = overlapping.connector.reader(DataType.WORKOUT).orElseThrow();
      long high = start(5);
      long after = high - Duration.ofDays(3).toSeconds();
      overlapping.server.stubFor(
          get(urlEqualTo(listUrl(after, 1))).willReturn(okJson(activities(2, 2))));

      ChangePage page =
          r.listChanges(
              overlapping.session(StravaTestbed.OLD_TOKEN),
              Optional.of(StravaCursor.at(high).encode()),
              WINDOW);

      assertThat(page.records()).hasSize(2);
      assertThat(StravaCursor.decode(page.next()).highWater())
          .as("re-listed older activities do not move the mark back")
          .isEqualTo(high);
    }
  }

  @Test
  void a_cursor_not_made_by_strava_is_the_callers_mistake() {
    assertThatThrownBy(
            () -> reader.listChanges(session, Optional.of(new Cursor("nonsense")), WINDOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fetch_reads_the_detail_and_the_key_by_type_streams_into_a_workout() {
    bed.server.stubFor(
        get(urlEqualTo("/api/v3/activities/103221154"))
            .willReturn(okJson(StravaTestbed.fixture("activity-detailed.recorded-2014.json"))));
    bed.server.stubFor(
        get(urlPathEqualTo("/api/v3/activities/103221154/streams"))
            .willReturn(
                okJson(
                    objectForm(
                        StravaTestbed.fixture("activity-streams-array.recorded-2014.json")))));

    Workout w = (Workout) reader.fetch(session, ref("103221154"));

    bed.server.verify(
        getRequestedFor(
                urlEqualTo(
                    "/api/v3/activities/103221154/streams"
                        + "?keys=time,latlng,altitude,heartrate,cadence,watts,distance"
                        + "&key_by_type=true"))
            .withHeader("Authorization", equalTo("Bearer " + StravaTestbed.OLD_TOKEN)));
    assertThat(w.sport()).isEqualTo(SportType.CYCLING);
    assertThat(w.title()).contains("08/15/2010 Davis, CA");
    assertThat(w.start()).isEqualTo(OffsetDateTime.parse("2010-08-15T11:04:29-07:00"));
    assertThat(w.duration()).isEqualTo(Duration.ofSeconds(3935));
    assertThat(w.movingTime()).contains(Duration.ofSeconds(2836));
    assertThat(w.energyJoules().getAsDouble())
        .isCloseTo(443.2 * 4184, org.assertj.core.data.Offset.offset(1.0));
    assertThat(w.averageHeartRateBpm()).hasValue(104);
    assertThat(w.maxHeartRateBpm()).hasValue(147);
    assertThat(w.samples()).hasSize(999);
    TrackPoint first = w.samples().get(0);
    assertThat(first.time()).isEqualTo(Instant.parse("2010-08-15T18:04:29Z"));
    assertThat(first.hasPosition()).isTrue();
    assertThat(first.heartRateBpm()).isNotNull();
    assertThat(w.samples().get(998).time())
        .isEqualTo(Instant.parse("2010-08-15T18:04:29Z").plusSeconds(3935));
  }

  @Test
  void streams_with_nulls_in_the_array_form_parse_and_leave_the_gaps_out() {
    bed.server.stubFor(
        get(urlEqualTo("/api/v3/activities/103221154"))
            .willReturn(okJson(StravaTestbed.fixture("activity-detailed.recorded-2014.json"))));
    bed.server.stubFor(
        get(urlPathEqualTo("/api/v3/activities/103221154/streams"))
            .willReturn(
                okJson(StravaTestbed.fixture("activity-streams-array-with-nulls.edited.json"))));

    Workout w = (Workout) reader.fetch(session, ref("103221154"));

    TrackPoint first = w.samples().get(0);
    assertThat(first.hasPosition()).as("latlng[0] is null").isFalse();
    assertThat(first.cadenceRpm()).as("cadence[0] is null").isNull();
    assertThat(first.heartRateBpm()).isNotNull();
    assertThat(w.samples().get(1).time())
        .as("the sample without a time is left out")
        .isEqualTo(first.time().plusSeconds(8));
    assertThat(w.samples()).hasSizeLessThan(2829).isNotEmpty();
  }

  @Test
  void ids_above_2_to_the_53_survive_and_a_distance_only_stream_gives_no_samples() {
    bed.server.stubFor(
        get(urlEqualTo("/api/v3/activities/12345678987654321"))
            .willReturn(okJson(StravaTestbed.fixture("activity-detailed.docs-example.json"))));
    bed.server.stubFor(
        get(urlPathEqualTo("/api/v3/activities/12345678987654321/streams"))
            .willReturn(okJson(StravaTestbed.fixture("activity-streams.docs-example.json"))));

    Workout w = (Workout) reader.fetch(session, ref("12345678987654321"));

    assertThat(w.sport()).isEqualTo(SportType.MOUNTAIN_BIKING);
    assertThat(w.start()).isEqualTo(OffsetDateTime.parse("2018-02-16T06:52:54-08:00"));
    assertThat(w.samples()).isEmpty();
    JsonNode docs =
        StravaJson.parse(
            "strava", StravaTestbed.fixture("activity-detailed.docs-example.json").getBytes(), "x");
    assertThat(StravaJson.id(docs, "upload_id")).contains("98765432123456789");
    JsonNode list =
        StravaJson.parse(
            "strava",
            StravaTestbed.fixture("athlete-activities.docs-example.json").getBytes(),
            "x");
    assertThat(StravaJson.id(list.get(0), "upload_id")).contains("987654321234567891234");
  }

  @Test
  void a_manual_activity_is_fetched_without_asking_for_streams() {
    bed.server.stubFor(
        get(urlEqualTo("/api/v3/activities/77"))
            .willReturn(okJson(activity(77, null).replace("\"manual\":false", "\"manual\":true"))));

    Workout w = (Workout) reader.fetch(session, ref("77"));

    assertThat(w.samples()).isEmpty();
    bed.server.verify(0, getRequestedFor(urlPathMatching(".*/streams")));
  }

  @Test
  void a_malformed_activity_is_permanent() {
    bed.server.stubFor(get(urlEqualTo("/api/v3/activities/5")).willReturn(okJson("{\"id\":5,")));

    assertThatThrownBy(() -> reader.fetch(session, ref("5"))).isInstanceOf(Permanent.class);
  }

  @Test
  void an_activity_without_a_start_is_permanent() {
    bed.server.stubFor(
        get(urlEqualTo("/api/v3/activities/5"))
            .willReturn(okJson("{\"id\":5,\"manual\":true,\"elapsed_time\":10}")));

    assertThatThrownBy(() -> reader.fetch(session, ref("5"))).isInstanceOf(Permanent.class);
  }

  @Test
  void a_missing_activity_is_permanent() {
    bed.server.stubFor(
        get(urlEqualTo("/api/v3/activities/6"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"message\":\"Record Not Found\",\"errors\":[]}")));

    assertThatThrownBy(() -> reader.fetch(session, ref("6"))).isInstanceOf(Permanent.class);
  }

  private List<ChangePage> listAll(Optional<Cursor> start) {
    List<ChangePage> pages = new ArrayList<>();
    Optional<Cursor> cursor = start;
    for (int i = 0; i < 10; i++) {
      ChangePage page = reader.listChanges(session, cursor, WINDOW);
      pages.add(page);
      cursor = Optional.of(page.next());
      if (!page.more()) {
        return pages;
      }
    }
    throw new AssertionError("the listing did not end");
  }

  private static void assertCursorsNeverMoveBackwards(List<ChangePage> pages) {
    long previous = Long.MIN_VALUE;
    for (ChangePage page : pages) {
      long high = StravaCursor.decode(page.next()).highWater();
      assertThat(high).isGreaterThanOrEqualTo(previous);
      previous = high;
    }
  }

  static RecordRef ref(String id) {
    OffsetDateTime t = OffsetDateTime.parse("2018-01-01T00:00:00Z");
    return new RecordRef(
        "strava",
        id,
        DataType.WORKOUT,
        t,
        t,
        Optional.empty(),
        0,
        Optional.empty(),
        Optional.empty());
  }

  private static long start(int i) {
    return Instant.parse("2020-01-01T00:00:00Z").getEpochSecond() + i * 3600L;
  }

  private static String activities(int from, int count) {
    return IntStream.range(from, from + count)
        .mapToObj(i -> activity(i + 1, null))
        .collect(Collectors.joining(",", "[", "]"));
  }

  /** A SummaryActivity with start {@code start(id - 1)}. */
  static String activity(long id, String externalId) {
    String start = Instant.ofEpochSecond(start((int) id - 1)).toString();
    return """
        {"id":%d,"external_id":%s,"name":"n","sport_type":"Run","type":"Run",\
        "start_date":"%s","start_date_local":"%s","utc_offset":3600.0,\
        "elapsed_time":1800,"moving_time":1700,"distance":5000.0,"manual":false}"""
        .formatted(
            id,
            externalId == null ? "null" : "\"" + externalId + "\"",
            start,
            start.replace("Z", ""));
  }

  /** The array form turned into the {@code key_by_type=true} object form. */
  private static String objectForm(String arrayForm) {
    JsonNode array = StravaJson.parse("strava", arrayForm.getBytes(), "streams");
    ObjectNode object = StravaJson.MAPPER.createObjectNode();
    for (JsonNode stream : array) {
      ObjectNode copy = ((ObjectNode) stream).deepCopy();
      copy.remove("type");
      object.set(stream.get("type").asText(), copy);
    }
    return object.toString();
  }
}
