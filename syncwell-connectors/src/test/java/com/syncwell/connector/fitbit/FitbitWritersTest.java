package com.syncwell.connector.fitbit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.connector.IdempotencyKey;
import com.syncwell.connector.RecordWriter;
import com.syncwell.connector.Transient;
import com.syncwell.connector.WriteOutcome;
import com.syncwell.domain.BodyWeight;
import com.syncwell.domain.DailySteps;
import com.syncwell.domain.DataType;
import com.syncwell.domain.SportType;
import com.syncwell.domain.Workout;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FitbitWritersTest extends FitbitWireMockTest {
  static final IdempotencyKey KEY = new IdempotencyKey("cfg1.strava-991.v1");
  static final Workout RUN =
      Workout.of(
              SportType.RUNNING,
              OffsetDateTime.parse("2026-02-25T07:00:00+01:00"),
              OffsetDateTime.parse("2026-02-25T07:40:00+01:00"))
          .withTitle("Morning run")
          .withMovingTime(Duration.ofMinutes(38))
          .withDistance(8000)
          .withEnergy(2_092_000)
          .withElevationGain(42.5);
  static final String CREATED =
      "{\"done\":true,\"response\":{\"@type\":\"type.googleapis.com/google.devicesandservices.health.v4.DataPoint\","
          + "\"name\":\"users/"
          + USER
          + "/dataTypes/exercise/dataPoints/531608654317060358\","
          + "\"dataSource\":{\"platform\":\"GOOGLE_WEB_API\",\"application\":{\"googleWebClientId\":\""
          + CLIENT_ID
          + "\"}}}}";

  RecordWriter exercises() {
    return connector.writer(DataType.WORKOUT).orElseThrow();
  }

  void noOwnExercises() {
    wm.stubFor(get(urlPathEqualTo(EXERCISES)).willReturn(okJson("{}")));
  }

  @Test
  void describe_lists_readable_and_writable_types_scopes_webhooks_and_the_per_user_limit() {
    var d = connector.describe();
    assertThat(d.id()).isEqualTo("fitbit");
    assertThat(d.displayName()).isEqualTo("Fitbit");
    assertThat(d.readable())
        .containsExactlyInAnyOrder(
            DataType.WORKOUT,
            DataType.STEPS,
            DataType.SLEEP_SESSION,
            DataType.WEIGHT,
            DataType.HEART_RATE);
    assertThat(d.writable()).containsExactlyInAnyOrder(DataType.WORKOUT, DataType.WEIGHT);
    assertThat(d.webhooks()).isTrue();
    assertThat(d.scopes()).hasSize(6);
    assertThat(d.rateLimits())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.limit()).isEqualTo(300);
              assertThat(w.length()).isEqualTo(Duration.ofMinutes(1));
              assertThat(w.scope()).isEqualTo(com.syncwell.connector.RateWindow.Scope.USER);
            });
    assertThat(connector.writer(DataType.STEPS)).isEmpty();
  }

  @Test
  void a_workout_is_created_with_the_key_in_its_notes_after_checking_own_writes() {
    noOwnExercises();
    wm.stubFor(post(urlPathEqualTo(EXERCISES)).willReturn(okJson(CREATED)));

    WriteOutcome outcome = exercises().write(session(), RUN, KEY);

    assertThat(outcome).isEqualTo(new WriteOutcome.Created("531608654317060358"));
    wm.verify(
        getRequestedFor(urlPathEqualTo(EXERCISES))
            .withQueryParam("dataSourceFamily", equalTo("users/me/dataSourceFamilies/self-sources"))
            .withQueryParam(
                "filter",
                equalTo(
                    "exercise.interval.civil_start_time >= \"2026-02-24T16:00:00\" AND"
                        + " exercise.interval.civil_start_time < \"2026-02-25T20:00:00\"")));
    wm.verify(
        postRequestedFor(urlPathEqualTo(EXERCISES))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                matchingJsonPath("$.exercise.notes", equalTo("syncwell:cfg1.strava-991.v1")))
            .withRequestBody(matchingJsonPath("$.exercise.exerciseType", equalTo("RUNNING")))
            .withRequestBody(
                matchingJsonPath("$.exercise.interval.startTime", equalTo("2026-02-25T06:00:00Z")))
            .withRequestBody(
                matchingJsonPath("$.exercise.interval.startUtcOffset", equalTo("3600s")))
            .withRequestBody(matchingJsonPath("$.exercise.activeDuration", equalTo("2280s")))
            .withRequestBody(
                matchingJsonPath(
                    "$.exercise.metricsSummary.distanceMillimeters", equalTo("8000000.0")))
            .withRequestBody(
                matchingJsonPath("$.exercise.metricsSummary.caloriesKcal", equalTo("500.0")))
            .withRequestBody(
                matchingJsonPath(
                    "$.exercise.metricsSummary.elevationGainMillimeters", equalTo("42500.0"))));
  }

  @Test
  void an_own_write_with_the_same_key_is_a_duplicate_and_nothing_is_posted() {
    wm.stubFor(
        get(urlPathEqualTo(EXERCISES))
            .willReturn(
                okJson(
                    "{\"dataPoints\":[{\"name\":\"users/1/dataTypes/exercise/dataPoints/4242\","
                        + "\"dataSource\":{\"platform\":\"GOOGLE_WEB_API\",\"application\":{\"googleWebClientId\":\""
                        + CLIENT_ID
                        + "\"}},"
                        + "\"exercise\":{\"interval\":{\"startTime\":\"2026-02-25T06:00:05Z\",\"endTime\":\"2026-02-25T06:40:00Z\"},"
                        + "\"exerciseType\":\"RUNNING\",\"notes\":\"syncwell:cfg1.strava-991.v1\"}}],\"nextPageToken\":\"\"}")));

    assertThat(exercises().write(session(), RUN, KEY))
        .isEqualTo(new WriteOutcome.DuplicateFound("4242"));
    wm.verify(0, postRequestedFor(urlPathEqualTo(EXERCISES)));
  }

  @Test
  void an_own_write_with_the_same_start_is_a_duplicate_even_without_the_key() {
    wm.stubFor(
        get(urlPathEqualTo(EXERCISES))
            .willReturn(
                okJson(
                    "{\"dataPoints\":[{\"name\":\"users/1/dataTypes/exercise/dataPoints/77\","
                        + "\"exercise\":{\"interval\":{\"startTime\":\"2026-02-25T06:00:00Z\",\"endTime\":\"2026-02-25T06:40:00Z\"}}}]}")));

    assertThat(exercises().write(session(), RUN, KEY))
        .isEqualTo(new WriteOutcome.DuplicateFound("77"));
  }

  @Test
  void an_unfinished_operation_is_transient_and_a_refusal_is_rejected() {
    noOwnExercises();
    wm.stubFor(
        post(urlPathEqualTo(EXERCISES))
            .willReturn(okJson("{\"name\":\"operations/abc\",\"done\":false}")));
    assertThatThrownBy(() -> exercises().write(session(), RUN, KEY)).isInstanceOf(Transient.class);

    wm.stubFor(
        post(urlPathEqualTo(EXERCISES))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":400,\"message\":\"bad interval\",\"status\":\"INVALID_ARGUMENT\"}}")));
    assertThat(exercises().write(session(), RUN, KEY))
        .isInstanceOfSatisfying(
            WriteOutcome.Rejected.class, r -> assertThat(r.reason()).contains("INVALID_ARGUMENT"));

    wm.stubFor(
        post(urlPathEqualTo(EXERCISES))
            .willReturn(
                okJson("{\"done\":true,\"error\":{\"code\":3,\"status\":\"INVALID_ARGUMENT\"}}")));
    assertThat(exercises().write(session(), RUN, KEY)).isInstanceOf(WriteOutcome.Rejected.class);
  }

  @Test
  void a_weighing_is_written_in_grams_unless_an_own_weighing_exists_at_that_second() {
    String path = "/v4/users/me/dataTypes/weight/dataPoints";
    BodyWeight weighing =
        new BodyWeight(
            OffsetDateTime.parse("2026-02-25T07:00:00+01:00"), 80.25, OptionalDouble.empty());
    wm.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{}")));
    wm.stubFor(
        post(urlPathEqualTo(path))
            .willReturn(
                okJson(
                    "{\"done\":true,\"response\":{\"name\":\"users/1/dataTypes/weight/dataPoints/99\"}}")));
    RecordWriter writer = connector.writer(DataType.WEIGHT).orElseThrow();

    assertThat(writer.write(session(), weighing, KEY)).isEqualTo(new WriteOutcome.Created("99"));
    wm.verify(
        getRequestedFor(urlPathEqualTo(path))
            .withQueryParam("dataSourceFamily", equalTo("users/me/dataSourceFamilies/self-sources"))
            .withQueryParam(
                "filter",
                equalTo(
                    "weight.sample_time.physical_time >= \"2026-02-25T06:00:00Z\" AND"
                        + " weight.sample_time.physical_time < \"2026-02-25T06:00:01Z\"")));
    wm.verify(
        postRequestedFor(urlPathEqualTo(path))
            .withRequestBody(matchingJsonPath("$.weight.weightGrams", equalTo("80250.0")))
            .withRequestBody(matchingJsonPath("$.weight.sampleTime.utcOffset", equalTo("3600s")))
            .withRequestBody(
                matchingJsonPath("$.weight.notes", equalTo("syncwell:cfg1.strava-991.v1"))));

    wm.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(
                okJson(
                    "{\"dataPoints\":[{\"name\":\"users/1/dataTypes/weight/dataPoints/99\",\"weight\":{\"notes\":\"syncwell:cfg1.strava-991.v1\"}}]}")));
    assertThat(writer.write(session(), weighing, KEY))
        .isEqualTo(new WriteOutcome.DuplicateFound("99"));
  }

  @Test
  void a_record_of_another_type_is_an_argument_error() {
    assertThatThrownBy(
            () ->
                exercises().write(session(), new DailySteps(LocalDate.parse("2026-02-25"), 1), KEY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
