package com.syncwell.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.simulator.http.Json;
import com.syncwell.testkit.ProviderFixtures;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadApiTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
  private ProviderSimulator sim;
  private SimHttp http;

  @BeforeEach
  void start() {
    sim = ProviderSimulator.start(SimulatorOptions.defaults().withClock(CLOCK).withSeed(7));
    http = new SimHttp(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  @Test
  void the_same_seed_gives_the_same_json_in_another_simulator() throws Exception {
    String token = http.stravaTokens("frank").path("access_token").asText();
    String first = http.get("/strava/api/v3/athlete/activities?per_page=200", token).body();
    try (ProviderSimulator other =
        ProviderSimulator.start(SimulatorOptions.defaults().withClock(CLOCK).withSeed(7))) {
      SimHttp otherHttp = new SimHttp(other);
      String otherToken = otherHttp.stravaTokens("frank").path("access_token").asText();
      assertThat(otherHttp.get("/strava/api/v3/athlete/activities?per_page=200", otherToken).body())
          .isEqualTo(first);
    }
  }

  @Test
  void
      strava_and_google_share_most_workouts_with_the_same_start_within_seconds_and_the_same_duration()
          throws Exception {
    String strava = http.stravaTokens("gina").path("access_token").asText();
    String google = http.googleTokens("gina").path("access_token").asText();
    JsonNode activities =
        SimHttp.parse(http.get("/strava/api/v3/athlete/activities?per_page=200", strava));
    List<JsonNode> exercises = new ArrayList<>();
    String page = "";
    do {
      JsonNode r =
          SimHttp.parse(
              http.get(
                  "/fitbit/v4/users/me/dataTypes/exercise/dataPoints?pageToken=" + page, google));
      r.path("dataPoints").forEach(exercises::add);
      page = r.path("nextPageToken").asText();
    } while (!page.isEmpty());
    assertThat(activities.size()).isGreaterThan(30);
    int shared = 0;
    for (JsonNode a : activities) {
      Instant start = Instant.parse(a.path("start_date").asText());
      for (JsonNode e : exercises) {
        JsonNode interval = e.path("exercise").path("interval");
        Instant gStart = Instant.parse(interval.path("startTime").asText());
        long gDuration =
            Instant.parse(interval.path("endTime").asText()).getEpochSecond()
                - gStart.getEpochSecond();
        if (Math.abs(gStart.getEpochSecond() - start.getEpochSecond()) <= 5
            && gDuration == a.path("elapsed_time").asLong()) {
          shared++;
        }
      }
    }
    assertThat(shared).isGreaterThan(activities.size() / 2).isLessThan(activities.size());
    assertThat(exercises.size()).isGreaterThan(shared);
  }

  @Test
  void strava_summary_activity_has_the_documented_fields_and_streams_come_keyed_by_type()
      throws Exception {
    String token = http.stravaTokens("hank").path("access_token").asText();
    JsonNode list = SimHttp.parse(http.get("/strava/api/v3/athlete/activities?per_page=3", token));
    JsonNode doc =
        Json.parse(ProviderFixtures.bytes("strava/athlete-activities.docs-example.json")).get(0);
    JsonNode ours = list.get(0);
    Set<String> expected = fieldNames(doc);
    expected.removeAll(
        Set.of(
            "device_name",
            "average_cadence",
            "average_watts",
            "weighted_average_watts",
            "kilojoules",
            "device_watts",
            "max_watts",
            "suffer_score",
            "average_heartrate",
            "max_heartrate"));
    assertThat(fieldNames(ours)).containsAll(expected);
    assertThat(ours.path("start_date").asText()).endsWith("Z");
    Instant first = Instant.parse(list.get(0).path("start_date").asText());
    Instant second = Instant.parse(list.get(1).path("start_date").asText());
    assertThat(first).isAfter(second);
    long id = ours.path("id").asLong();
    JsonNode detail = SimHttp.parse(http.get("/strava/api/v3/activities/" + id, token));
    assertThat(detail.has("calories")).isTrue();
    JsonNode keyed =
        SimHttp.parse(
            http.get(
                "/strava/api/v3/activities/"
                    + id
                    + "/streams?keys=time,latlng,heartrate,altitude,cadence,watts,distance&key_by_type=true",
                token));
    assertThat(keyed.path("time").path("data").size())
        .isEqualTo(keyed.path("heartrate").path("data").size())
        .isGreaterThan(100);
    JsonNode array =
        SimHttp.parse(
            http.get("/strava/api/v3/activities/" + id + "/streams?keys=distance", token));
    assertThat(fieldNames(array.get(0)))
        .containsAll(
            fieldNames(
                Json.parse(ProviderFixtures.bytes("strava/activity-streams.docs-example.json"))
                    .get(0)));
  }

  @Test
  void strava_lists_oldest_first_with_after_and_unknown_paths_are_json_faults() throws Exception {
    String token = http.stravaTokens("ivan").path("access_token").asText();
    long after = Instant.parse("2026-10-01T00:00:00Z").getEpochSecond();
    JsonNode list =
        SimHttp.parse(
            http.get("/strava/api/v3/athlete/activities?after=" + after + "&per_page=5", token));
    assertThat(Instant.parse(list.get(0).path("start_date").asText()))
        .isBefore(Instant.parse(list.get(1).path("start_date").asText()));
    HttpResponse<String> missing = http.get("/strava/api/v3/nothing/here", token);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(SimHttp.parse(missing).path("message").asText()).isEqualTo("Record Not Found");
    HttpResponse<String> google = http.get("/fitbit/v4/nothing", token);
    assertThat(google.statusCode()).isEqualTo(404);
    assertThat(google.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
  }

  @Test
  void google_exercise_has_the_documented_shape() throws Exception {
    String token = http.googleTokens("jane").path("access_token").asText();
    JsonNode ours =
        SimHttp.parse(
                http.get("/fitbit/v4/users/me/dataTypes/exercise/dataPoints?pageSize=1", token))
            .path("dataPoints")
            .get(0);
    JsonNode doc =
        Json.parse(ProviderFixtures.bytes("google-health/exercise-list-response.docs-example.json"))
            .path("dataPoints")
            .get(0);
    assertThat(fieldNames(ours)).containsAll(fieldNames(doc));
    assertThat(fieldNames(ours.path("exercise"))).containsAll(fieldNames(doc.path("exercise")));
    assertThat(fieldNames(ours.path("exercise").path("interval")))
        .containsAll(fieldNames(doc.path("exercise").path("interval")));
    assertThat(ours.path("exercise").path("activeDuration").asText()).matches("\\d+s");
    assertThat(
            ours.path("exercise")
                .path("metricsSummary")
                .path("averageHeartRateBeatsPerMinute")
                .isTextual())
        .isTrue();
    assertThat(ours.path("name").asText()).matches("users/\\d+/dataTypes/exercise/dataPoints/\\d+");
    assertThat(ours.path("dataSource").path("platform").asText()).isEqualTo("FITBIT");
  }

  private HttpResponse<String> filtered(String token, String type, String filter) throws Exception {
    return http.get(
        "/fitbit/v4/users/me/dataTypes/"
            + type
            + "/dataPoints?filter="
            + URLEncoder.encode(filter, StandardCharsets.UTF_8),
        token);
  }

  @Test
  void google_filters_accept_documented_members_and_reject_kebab_case_and_unknown_members()
      throws Exception {
    String token = http.googleTokens("kate").path("access_token").asText();
    HttpResponse<String> steps =
        filtered(
            token,
            "steps",
            "steps.interval.start_time >= \"2026-11-24T00:00:00Z\" AND steps.interval.start_time < \"2026-11-25T00:00:00Z\"");
    assertThat(steps.statusCode()).isEqualTo(200);
    JsonNode points = SimHttp.parse(steps).path("dataPoints");
    assertThat(points.size()).isGreaterThan(50);
    for (JsonNode p : points) {
      Instant t = Instant.parse(p.path("steps").path("interval").path("startTime").asText());
      assertThat(t)
          .isBetween(Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-24T23:59:59Z"));
      assertThat(p.path("steps").path("count").isTextual()).isTrue();
    }
    assertThat(
            filtered(token, "exercise", "exercise.interval.civil_start_time >= \"2026-11-01\"")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            filtered(token, "sleep", "sleep.interval.end_time >= \"2026-11-20T00:00:00Z\"")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            filtered(
                    token, "weight", "weight.sample_time.physical_time >= \"2026-11-01T00:00:00Z\"")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            filtered(
                    token,
                    "daily-resting-heart-rate",
                    "daily_resting_heart_rate.date >= \"2026-11-01\"")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> kebab =
        filtered(
            token, "daily-resting-heart-rate", "daily-resting-heart-rate.date >= \"2026-11-01\"");
    assertThat(kebab.statusCode()).isEqualTo(400);
    JsonNode error = SimHttp.parse(kebab).path("error");
    assertThat(error.path("status").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(error.path("details").get(0).path("reason").asText())
        .isEqualTo("INVALID_DATA_POINT_FILTER");
    assertThat(error.path("details").get(0).path("domain").asText())
        .isEqualTo("health.googleapis.com");
    HttpResponse<String> member =
        filtered(token, "sleep", "sleep.interval.start_time >= \"2026-11-20T00:00:00Z\"");
    assertThat(member.statusCode()).isEqualTo(400);
    assertThat(member.body()).contains("INVALID_DATA_POINT_FILTER_DATA_TYPE_MEMBER");
  }

  @Test
  void google_paging_is_newest_first_terminates_and_covers_each_record_once() throws Exception {
    String token = http.googleTokens("liam").path("access_token").asText();
    List<String> starts = new ArrayList<>();
    String page = "";
    int pages = 0;
    do {
      JsonNode r =
          SimHttp.parse(
              http.get(
                  "/fitbit/v4/users/me/dataTypes/steps/dataPoints?pageSize=500&filter="
                      + URLEncoder.encode(
                          "steps.interval.start_time >= \"2026-11-20T00:00:00Z\"",
                          StandardCharsets.UTF_8)
                      + "&pageToken="
                      + page,
                  token));
      r.path("dataPoints")
          .forEach(p -> starts.add(p.path("steps").path("interval").path("startTime").asText()));
      page = r.path("nextPageToken").asText();
      pages++;
    } while (!page.isEmpty() && pages < 100);
    assertThat(pages).isGreaterThan(1).isLessThan(100);
    assertThat(new HashSet<>(starts)).hasSize(starts.size());
    List<String> sorted = new ArrayList<>(starts);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertThat(starts).isEqualTo(sorted);
    JsonNode first =
        SimHttp.parse(
            http.get("/fitbit/v4/users/me/dataTypes/steps/dataPoints?pageSize=10", token));
    HttpResponse<String> changed =
        http.get(
            "/fitbit/v4/users/me/dataTypes/steps/dataPoints?pageSize=20&pageToken="
                + first.path("nextPageToken").asText(),
            token);
    assertThat(changed.statusCode()).isEqualTo(400);
  }

  @Test
  void tcx_export_is_raw_with_alt_media_and_json_without() throws Exception {
    String token = http.googleTokens("mia").path("access_token").asText();
    String name =
        SimHttp.parse(
                http.get("/fitbit/v4/users/me/dataTypes/exercise/dataPoints?pageSize=1", token))
            .path("dataPoints")
            .get(0)
            .path("name")
            .asText();
    String id = name.substring(name.lastIndexOf('/') + 1);
    HttpResponse<String> raw =
        http.get(
            "/fitbit/v4/users/me/dataTypes/exercise/dataPoints/"
                + id
                + ":exportExerciseTcx?alt=media",
            token);
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.garmin.tcx+xml");
    assertThat(raw.body()).contains("TrainingCenterDatabase/v2").contains("<Trackpoint>");
    JsonNode wrapped =
        SimHttp.parse(
            http.get(
                "/fitbit/v4/users/me/dataTypes/exercise/dataPoints/" + id + ":exportExerciseTcx",
                token));
    assertThat(wrapped.path("tcxData").asText()).isEqualTo(raw.body());
  }
}
