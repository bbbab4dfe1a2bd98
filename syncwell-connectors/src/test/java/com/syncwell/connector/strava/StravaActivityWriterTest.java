package com.syncwell.connector.strava;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.syncwell.connector.IdempotencyKey;
import com.syncwell.connector.RecordWriter;
import com.syncwell.connector.Transient;
import com.syncwell.connector.WriteOutcome;
import com.syncwell.domain.BodyWeight;
import com.syncwell.domain.DataType;
import com.syncwell.domain.SportType;
import com.syncwell.domain.TrackPoint;
import com.syncwell.domain.Workout;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StravaActivityWriterTest {
  private static final IdempotencyKey KEY = new IdempotencyKey("cfg1-fitbit-42");
  private static final String PROCESSING =
      "{\"id\":141032026,\"external_id\":\"syncwell-cfg1-fitbit-42\",\"error\":null,"
          + "\"status\":\"Your activity is still being processed.\",\"activity_id\":null}";

  private final StravaTestbed bed = new StravaTestbed();
  private final RecordWriter writer = bed.connector.writer(DataType.WORKOUT).orElseThrow();

  @AfterEach
  void stop() {
    bed.close();
  }

  private static Workout run() {
    OffsetDateTime start = OffsetDateTime.parse("2024-03-09T08:00:00+01:00");
    return Workout.of(SportType.RUNNING, start, start.plusMinutes(30))
        .withTitle("Morning run")
        .withSamples(
            List.of(
                TrackPoint.at(start.toInstant()).withHeartRate(120),
                TrackPoint.at(start.toInstant().plusSeconds(60)).withHeartRate(130)));
  }

  private WriteOutcome write(Workout w) {
    return writer.write(bed.session(StravaTestbed.OLD_TOKEN), w, KEY);
  }

  private void uploadAnswers(String body) {
    bed.server.stubFor(
        post("/api/v3/uploads").willReturn(aResponse().withStatus(201).withBody(body)));
  }

  private void pollAnswers(String... bodies) {
    String state = Scenario.STARTED;
    for (int i = 0; i < bodies.length; i++) {
      String next = i == bodies.length - 1 ? state : "poll-" + (i + 1);
      bed.server.stubFor(
          get("/api/v3/uploads/141032026")
              .inScenario("polls")
              .whenScenarioStateIs(state)
              .willReturn(okJson(bodies[i]))
              .willSetStateTo(next));
      state = next;
    }
  }

  @Test
  void a_fit_upload_is_polled_with_growing_pauses_until_it_names_the_activity() {
    uploadAnswers(StravaTestbed.fixture("upload-post-201.recorded-2014.json"));
    pollAnswers(
        PROCESSING,
        "{\"id\":141032026,\"id_str\":\"141032026\",\"error\":null,"
            + "\"status\":\"Your activity is ready.\",\"activity_id\":12345678987654321}");

    WriteOutcome outcome = write(run());

    assertThat(outcome).isEqualTo(new WriteOutcome.Created("12345678987654321"));
    assertThat(bed.pauses).containsExactly(1_000L, 2_000L);
    bed.server.verify(
        postRequestedFor(urlEqualTo("/api/v3/uploads"))
            .withHeader("Authorization", equalTo("Bearer " + StravaTestbed.OLD_TOKEN))
            .withHeader("Content-Type", containing("multipart/form-data; boundary="))
            .withRequestBody(containing("name=\"data_type\"\r\n\r\nfit\r\n"))
            .withRequestBody(containing("name=\"external_id\"\r\n\r\nsyncwell-cfg1-fitbit-42\r\n"))
            .withRequestBody(containing("name=\"name\"\r\n\r\nMorning run\r\n"))
            .withRequestBody(containing("name=\"file\"; filename=\"syncwell-cfg1-fitbit-42.fit\""))
            .withRequestBody(containing("FIT-file-with-2-samples")));
    bed.server.verify(2, getRequestedFor(urlEqualTo("/api/v3/uploads/141032026")));
  }

  @Test
  void a_duplicate_upload_names_the_existing_activity() {
    uploadAnswers(PROCESSING);
    pollAnswers(
        "{\"id\":141032026,\"error\":\"syncwell-cfg1-fitbit-42.fit duplicate of activity"
            + " 9876543210123456789\",\"status\":\"There was an error processing your activity.\","
            + "\"activity_id\":null}");

    assertThat(write(run())).isEqualTo(new WriteOutcome.DuplicateFound("9876543210123456789"));
  }

  @Test
  void the_older_duplicate_wording_with_a_link_is_understood() {
    uploadAnswers(
        "{\"id\":141032026,\"error\":\"a.fit duplicate of <a href='/activities/123'>123</a>\","
            + "\"status\":\"There was an error processing your activity.\",\"activity_id\":null}");

    assertThat(write(run())).isEqualTo(new WriteOutcome.DuplicateFound("123"));
    assertThat(bed.pauses).isEmpty();
  }

  @Test
  void the_observed_link_wording_with_activity_inside_the_link_is_understood() {
    uploadAnswers(
        "{\"id\":141032026,\"error\":\"a.fit duplicate of <a href='/activities/9876543210123456789'"
            + " target='_blank'>activity 9876543210123456789</a>\","
            + "\"status\":\"There was an error processing your activity.\",\"activity_id\":null}");

    assertThat(write(run())).isEqualTo(new WriteOutcome.DuplicateFound("9876543210123456789"));
  }

  @Test
  void other_processing_errors_are_rejections() {
    uploadAnswers(PROCESSING);
    pollAnswers(
        "{\"id\":141032026,\"error\":\"Time information is missing from the file.\","
            + "\"status\":\"There was an error processing your activity.\",\"activity_id\":null}");

    assertThat(write(run()))
        .isEqualTo(new WriteOutcome.Rejected("Time information is missing from the file."));
  }

  @Test
  void an_upload_whose_activity_was_deleted_is_rejected() {
    uploadAnswers(PROCESSING);
    bed.server.stubFor(
        get("/api/v3/uploads/141032026")
            .willReturn(
                okJson(StravaTestbed.fixture("upload-get-activity-deleted.recorded-2014.json"))));

    assertThat(write(run())).isInstanceOf(WriteOutcome.Rejected.class);
  }

  @Test
  void polling_is_bounded_and_ends_transient_when_strava_is_still_processing() {
    uploadAnswers(PROCESSING);
    bed.server.stubFor(get("/api/v3/uploads/141032026").willReturn(okJson(PROCESSING)));

    assertThatThrownBy(() -> write(run())).isInstanceOf(Transient.class);
    assertThat(bed.pauses)
        .hasSize(StravaActivityWriter.MAX_POLLS)
        .allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(8_000L));
    bed.server.verify(
        StravaActivityWriter.MAX_POLLS, getRequestedFor(urlEqualTo("/api/v3/uploads/141032026")));
  }

  @Test
  void a_workout_the_fit_codec_cannot_encode_is_uploaded_as_tcx() {
    bed.fit.failing = true;
    uploadAnswers(
        "{\"id\":141032026,\"error\":null,\"status\":\"Your activity is ready.\","
            + "\"activity_id\":555}");

    assertThat(write(run())).isEqualTo(new WriteOutcome.Created("555"));
    bed.server.verify(
        postRequestedFor(urlEqualTo("/api/v3/uploads"))
            .withRequestBody(containing("name=\"data_type\"\r\n\r\ntcx\r\n"))
            .withRequestBody(containing("TCX-file-with-2-samples")));
  }

  @Test
  void a_workout_without_samples_becomes_a_manual_activity() {
    bed.server.stubFor(get(urlPathEqualTo("/api/v3/athlete/activities")).willReturn(okJson("[]")));
    bed.server.stubFor(
        post("/api/v3/activities")
            .willReturn(aResponse().withStatus(201).withBody("{\"id\":12345678987654322}")));
    OffsetDateTime start = OffsetDateTime.parse("2024-03-09T08:00:00+01:00");
    Workout yoga = Workout.of(SportType.YOGA, start, start.plusMinutes(45)).withDistance(0);

    assertThat(write(yoga)).isEqualTo(new WriteOutcome.Created("12345678987654322"));
    long epoch = start.toEpochSecond();
    bed.server.verify(
        getRequestedFor(
            urlEqualTo(
                "/api/v3/athlete/activities?after="
                    + (epoch - 1)
                    + "&before="
                    + (epoch + 1)
                    + "&page=1&per_page=30")));
    bed.server.verify(
        postRequestedFor(urlEqualTo("/api/v3/activities"))
            .withRequestBody(
                equalTo(
                    "name=Yoga&sport_type=Yoga&start_date_local=2024-03-09T08%3A00%3A00%2B01%3A00"
                        + "&elapsed_time=2700&distance=0.0")));
  }

  @Test
  void a_manual_workout_strava_already_has_is_a_duplicate_without_a_second_copy() {
    String existing =
        "[{\"id\":777,\"sport_type\":\"Yoga\",\"start_date\":\"2024-03-09T07:00:00Z\","
            + "\"utc_offset\":3600,\"elapsed_time\":2700,\"manual\":true}]";
    bed.server.stubFor(
        get(urlPathEqualTo("/api/v3/athlete/activities")).willReturn(okJson(existing)));
    OffsetDateTime start = OffsetDateTime.parse("2024-03-09T08:00:00+01:00");

    assertThat(write(Workout.of(SportType.YOGA, start, start.plusMinutes(45))))
        .isEqualTo(new WriteOutcome.DuplicateFound("777"));
    bed.server.verify(0, postRequestedFor(urlEqualTo("/api/v3/activities")));
  }

  @Test
  void records_other_than_workouts_are_the_callers_mistake() {
    BodyWeight weight =
        new BodyWeight(
            Instant.parse("2024-03-09T07:00:00Z").atOffset(java.time.ZoneOffset.UTC),
            70.0,
            java.util.OptionalDouble.empty());

    assertThatThrownBy(() -> writer.write(bed.session(StravaTestbed.OLD_TOKEN), weight, KEY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
