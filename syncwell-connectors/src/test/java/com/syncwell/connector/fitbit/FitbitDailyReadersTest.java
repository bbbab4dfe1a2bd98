package com.syncwell.connector.fitbit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.connector.ChangePage;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.TimeWindow;
import com.syncwell.domain.BodyWeight;
import com.syncwell.domain.DailySteps;
import com.syncwell.domain.DataType;
import com.syncwell.domain.HeartRateDaily;
import com.syncwell.domain.RecordRef;
import com.syncwell.domain.SleepSession;
import com.syncwell.domain.SleepStageType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FitbitDailyReadersTest extends FitbitWireMockTest {
  static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-02-20T00:00:00Z"), Instant.parse("2026-02-23T00:00:00Z"));
  static final String ROLLUP = "/v4/users/me/dataTypes/steps/dataPoints:dailyRollUp";

  RecordReader reader(DataType type) {
    return connector.reader(type).orElseThrow();
  }

  static String rollupDay(int day, String steps) {
    return "{\"civilStartTime\":{\"date\":{\"year\":2026,\"month\":2,\"day\":"
        + day
        + "}},\"civilEndTime\":{\"date\":{\"year\":2026,\"month\":2,\"day\":"
        + (day + 1)
        + "}}"
        + (steps == null ? "" : ",\"steps\":{\"countSum\":\"" + steps + "\"}")
        + "}";
  }

  @Test
  void steps_come_from_one_daily_rollup_per_listing_with_one_record_per_day() {
    wm.stubFor(
        post(urlPathEqualTo(ROLLUP))
            .willReturn(
                okJson(
                    "{\"rollupDataPoints\":["
                        + rollupDay(20, "9525")
                        + ","
                        + rollupDay(21, null)
                        + ","
                        + rollupDay(22, "0")
                        + "]}")));

    ChangePage page = reader(DataType.STEPS).listChanges(session(), Optional.empty(), WINDOW);

    wm.verify(
        postRequestedFor(urlPathEqualTo(ROLLUP))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"range\":{\"start\":{\"date\":{\"year\":2026,\"month\":2,\"day\":20}},"
                        + "\"end\":{\"date\":{\"year\":2026,\"month\":2,\"day\":23}}},"
                        + "\"windowSizeDays\":1}")));
    assertThat(page.more()).isFalse();
    assertThat(page.records())
        .extracting(RecordRef::recordId)
        .containsExactly("2026-02-20", "2026-02-22");
    assertThat(page.records().get(0).start()).isEqualTo(OffsetDateTime.parse("2026-02-20T00:00Z"));
    assertThat(page.records().get(0).end()).isEqualTo(OffsetDateTime.parse("2026-02-21T00:00Z"));
  }

  @Test
  void fetching_a_day_of_steps_rolls_up_that_day() {
    wm.stubFor(
        post(urlPathEqualTo(ROLLUP))
            .willReturn(okJson("{\"rollupDataPoints\":[" + rollupDay(20, "9525") + "]}")));
    RecordRef ref = dayRef("2026-02-20", DataType.STEPS);

    DailySteps steps = (DailySteps) reader(DataType.STEPS).fetch(session(), ref);

    assertThat(steps).isEqualTo(new DailySteps(LocalDate.parse("2026-02-20"), 9525));
    wm.verify(
        postRequestedFor(urlPathEqualTo(ROLLUP))
            .withRequestBody(
                equalToJson(
                    "{\"range\":{\"start\":{\"date\":{\"year\":2026,\"month\":2,\"day\":20}},"
                        + "\"end\":{\"date\":{\"year\":2026,\"month\":2,\"day\":21}}},\"windowSizeDays\":1}")));
  }

  @Test
  void a_long_steps_window_is_walked_in_spans_of_ninety_days() {
    wm.stubFor(post(urlPathEqualTo(ROLLUP)).willReturn(okJson("{\"rollupDataPoints\":[]}")));
    TimeWindow year =
        new TimeWindow(
            Instant.parse("2025-06-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));

    ChangePage first = reader(DataType.STEPS).listChanges(session(), Optional.empty(), year);
    ChangePage second =
        reader(DataType.STEPS).listChanges(session(), Optional.of(first.next()), year);
    ChangePage third =
        reader(DataType.STEPS).listChanges(session(), Optional.of(second.next()), year);

    assertThat(first.more()).isTrue();
    assertThat(second.more()).isTrue();
    assertThat(third.more()).isFalse();
    wm.verify(
        postRequestedFor(urlPathEqualTo(ROLLUP))
            .withRequestBody(
                equalToJson(
                    "{\"range\":{\"start\":{\"date\":{\"year\":2025,\"month\":6,\"day\":1}},"
                        + "\"end\":{\"date\":{\"year\":2025,\"month\":8,\"day\":30}}},\"windowSizeDays\":1}")));
    wm.verify(3, postRequestedFor(urlPathEqualTo(ROLLUP)));
  }

  @Test
  void resting_heart_rate_filters_on_the_snake_case_date_member() {
    String path = "/v4/users/me/dataTypes/daily-resting-heart-rate/dataPoints";
    wm.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(
                okJson(
                    "{\"dataPoints\":[{\"dataSource\":{\"platform\":\"FITBIT\"},\"dailyRestingHeartRate\":"
                        + "{\"date\":{\"year\":2026,\"month\":2,\"day\":21},\"beatsPerMinute\":\"58\","
                        + "\"dailyRestingHeartRateMetadata\":{\"calculationMethod\":\"WITH_SLEEP\"}}}],"
                        + "\"nextPageToken\":\"\"}")));

    ChangePage page = reader(DataType.HEART_RATE).listChanges(session(), Optional.empty(), WINDOW);
    HeartRateDaily daily =
        (HeartRateDaily) reader(DataType.HEART_RATE).fetch(session(), page.records().get(0));

    wm.verify(
        getRequestedFor(urlPathEqualTo(path))
            .withQueryParam(
                "filter",
                equalTo(
                    "daily_resting_heart_rate.date >= \"2026-02-20\" AND"
                        + " daily_resting_heart_rate.date < \"2026-02-23\""))
            .withQueryParam("pageSize", equalTo("1000")));
    assertThat(page.records()).extracting(RecordRef::recordId).containsExactly("2026-02-21");
    assertThat(daily).isEqualTo(new HeartRateDaily(LocalDate.parse("2026-02-21"), 58));
  }

  @Test
  void sleep_filters_on_its_end_time_and_maps_stages() {
    String path = "/v4/users/me/dataTypes/sleep/dataPoints";
    String point =
        "{\"name\":\"users/"
            + USER
            + "/dataTypes/sleep/dataPoints/a1b2c3d4-e5f6\","
            + "\"dataSource\":{\"platform\":\"FITBIT\",\"recordingMethod\":\"PASSIVELY_MEASURED\"},"
            + "\"sleep\":{\"interval\":{\"startTime\":\"2026-02-21T05:00:00Z\",\"startUtcOffset\":\"-18000s\","
            + "\"endTime\":\"2026-02-21T13:00:00Z\",\"endUtcOffset\":\"-18000s\"},\"type\":\"STAGES\","
            + "\"stages\":[{\"startTime\":\"2026-02-21T05:30:00Z\",\"endTime\":\"2026-02-21T13:00:00Z\",\"type\":\"DEEP\"},"
            + "{\"startTime\":\"2026-02-21T05:00:00Z\",\"endTime\":\"2026-02-21T05:30:00Z\",\"type\":\"AWAKE\"}],"
            + "\"summary\":{\"minutesAsleep\":\"450\",\"minutesInSleepPeriod\":\"480\"},"
            + "\"updateTime\":\"2026-02-21T14:00:00Z\"}}";
    wm.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"dataPoints\":[" + point + "]}")));
    wm.stubFor(get(urlPathEqualTo(path + "/a1b2c3d4-e5f6")).willReturn(okJson(point)));

    ChangePage page =
        reader(DataType.SLEEP_SESSION).listChanges(session(), Optional.empty(), WINDOW);
    SleepSession sleep =
        (SleepSession) reader(DataType.SLEEP_SESSION).fetch(session(), page.records().get(0));

    wm.verify(
        getRequestedFor(urlPathEqualTo(path))
            .withQueryParam(
                "filter",
                equalTo(
                    "sleep.interval.end_time >= \"2026-02-20T00:00:00Z\" AND"
                        + " sleep.interval.end_time < \"2026-02-24T00:00:00Z\""))
            .withQueryParam("pageSize", equalTo("25")));
    assertThat(page.records().get(0).recordId()).isEqualTo("a1b2c3d4-e5f6");
    assertThat(page.records().get(0).lastModified())
        .contains(Instant.parse("2026-02-21T14:00:00Z"));
    assertThat(sleep.start()).isEqualTo(OffsetDateTime.parse("2026-02-21T00:00:00-05:00"));
    assertThat(sleep.inBed()).isEqualTo(Duration.ofMinutes(480));
    assertThat(sleep.asleep()).isEqualTo(Duration.ofMinutes(450));
    assertThat(sleep.stages())
        .extracting(s -> s.type())
        .containsExactly(SleepStageType.AWAKE, SleepStageType.DEEP);
  }

  @Test
  void weight_filters_on_the_sample_time_and_converts_grams_to_kilograms() {
    String path = "/v4/users/me/dataTypes/weight/dataPoints";
    String point =
        "{\"name\":\"users/"
            + USER
            + "/dataTypes/weight/dataPoints/5316086543\","
            + "\"dataSource\":{\"platform\":\"HEALTH_CONNECT\",\"recordingMethod\":\"UNKNOWN\","
            + "\"application\":{\"packageName\":\"com.example.scale\"}},"
            + "\"weight\":{\"sampleTime\":{\"physicalTime\":\"2026-02-22T07:00:00Z\",\"utcOffset\":\"3600s\"},"
            + "\"weightGrams\":90200}}";
    wm.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"dataPoints\":[" + point + "]}")));
    wm.stubFor(get(urlPathEqualTo(path + "/5316086543")).willReturn(okJson(point)));

    ChangePage page = reader(DataType.WEIGHT).listChanges(session(), Optional.empty(), WINDOW);
    BodyWeight weight =
        (BodyWeight) reader(DataType.WEIGHT).fetch(session(), page.records().get(0));

    wm.verify(
        getRequestedFor(urlPathEqualTo(path))
            .withQueryParam(
                "filter",
                equalTo(
                    "weight.sample_time.physical_time >= \"2026-02-20T00:00:00Z\" AND"
                        + " weight.sample_time.physical_time < \"2026-02-23T00:00:00Z\"")));
    assertThat(page.records().get(0).start())
        .isEqualTo(OffsetDateTime.parse("2026-02-22T08:00:00+01:00"));
    assertThat(weight.kilograms()).isEqualTo(90.2);
    assertThat(weight.time()).isEqualTo(OffsetDateTime.parse("2026-02-22T08:00:00+01:00"));
  }

  private static RecordRef dayRef(String day, DataType type) {
    OffsetDateTime start = LocalDate.parse(day).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
    return new RecordRef(
        "fitbit",
        day,
        type,
        start,
        start.plusDays(1),
        Optional.empty(),
        0,
        Optional.empty(),
        Optional.empty());
  }
}
