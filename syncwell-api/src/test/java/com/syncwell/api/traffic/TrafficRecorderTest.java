package com.syncwell.api.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.syncwell.api.http.Json;
import com.syncwell.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrafficRecorderTest {
  private static final Instant EIGHT = Instant.parse("2026-11-05T08:00:00Z");
  private static final String ALICE = "firebase|alice-7f3a9c";
  private static final String BOB = "cognito|bob-55e1d0";

  private final MutableClock clock = new MutableClock(EIGHT);
  private final TrafficRecorder recorder = new TrafficRecorder(clock);

  @Test
  void a_scripted_day_gives_its_sessions_requests_syncs_payloads_ratio_and_peak() {
    at(0);
    user(ALICE, "GET", "/v1/users/me", 200, 0, 300);
    user(ALICE, "GET", "/v1/users/me", 200, 0, 300);
    user(ALICE, "POST", "/v1/sync-jobs", 202, 40, 200);
    user(BOB, "GET", "/v1/users/me", 200, 0, 300);
    user(BOB, "POST", "/v1/sync-jobs", 202, 40, 200);
    user(BOB, "POST", "/v1/sync-jobs", 409, 40, 250); // refused: not a sync
    at(1);
    user(ALICE, "GET", "/v1/sync-jobs/{id}", 200, 0, 500);
    user(ALICE, "GET", "/v1/sync-jobs/{id}", 200, 0, 200 * 1024); // the one heavy payload
    at(2);
    user(BOB, "GET", "/v1/sync-jobs/{id}", 200, 0, 500);
    at(60); // alice idle for 59 minutes: a new session
    user(ALICE, "POST", "/v1/sync-jobs", 202, 40, 200);
    user(ALICE, "GET", "/v1/sync-jobs/{id}", 200, 0, 500);
    user(ALICE, "GET", "/v1/connections", 200, 0, 900);
    at(70); // 10 minutes later: the same session
    user(ALICE, "GET", "/v1/connections", 200, 0, 900);
    user(ALICE, "DELETE", "/v1/connections/{id}", 204, 0, 0);
    open("POST", "/v1/webhooks/{provider}", 200, 800, 0);
    open("POST", "/v1/webhooks/{provider}", 200, 800, 0);
    open("GET", "/healthz", 200, 0, 20); // operational: not counted
    open("GET", "/v1/admin/traffic-profile", 200, 0, 4000); // operational: not counted

    TrafficProfile day = recorder.export().current();

    assertThat(day.day()).isEqualTo("2026-11-05");
    assertThat(day.complete()).isFalse();
    assertThat(day.requests()).isEqualTo(16);
    assertThat(day.userRequests()).isEqualTo(14);
    assertThat(day.unattributedRequests()).isEqualTo(2);
    assertThat(day.users()).isEqualTo(2);
    assertThat(day.sessions()).isEqualTo(3);
    assertThat(day.sessionsPerUserPerDay()).isEqualTo(1.5);
    assertThat(day.requestsPerSession()).isCloseTo(14 / 3.0, within(1e-9));
    assertThat(day.syncs()).isEqualTo(3);
    assertThat(day.syncsPerUserPerDay()).isEqualTo(1.5);
    assertThat(day.reads()).isEqualTo(9);
    assertThat(day.writes()).isEqualTo(7);
    assertThat(day.writeReadRatio()).isCloseTo(7 / 9.0, within(1e-9));
    assertThat(day.statusClasses()).containsEntry("2xx", 15L).containsEntry("4xx", 1L);
    assertThat(day.routes())
        .containsEntry("POST /v1/sync-jobs", 4L)
        .containsEntry("POST /v1/webhooks/{provider}", 2L)
        .doesNotContainKey("GET /healthz");
    assertThat(day.observedMinutes()).isEqualTo(71);
    assertThat(day.perMinute().peak()).isEqualTo(6);
    assertThat(day.perMinute().average()).isCloseTo(16 / 71.0, within(1e-9));
    assertThat(day.perMinute().peakToAverage()).isCloseTo(6 / (16 / 71.0), within(1e-9));
    assertThat(day.payloads().heavyShare()).isEqualTo(1 / 16.0);
    assertThat(day.payloads().requestBytes()).isEqualTo(4 * 40 + 2 * 800);
    assertThat(day.payloads().histogram()).hasSize(8);
    assertThat(day.payloads().histogram().get(0).count()).isEqualTo(15); // <= 1 KiB
    assertThat(day.payloads().histogram().get(5).upToBytes()).isEqualTo(256 * 1024);
    assertThat(day.payloads().histogram().get(5).count()).isEqualTo(1);
    assertThat(day.payloads().histogram().get(7).upToBytes()).isNull();
  }

  @Test
  void the_export_holds_no_user_id_nor_anything_derived_from_one_in_a_readable_form() {
    at(0);
    user(ALICE, "GET", "/v1/users/me", 200, 0, 300);
    user(BOB, "GET", "/v1/users/me", 200, 0, 300);
    clock.advance(Duration.ofDays(1));
    user(ALICE, "GET", "/v1/users/me", 200, 0, 300);

    TrafficExport export = recorder.export();
    String json = new String(Json.write(export), StandardCharsets.UTF_8);

    assertThat(json)
        .doesNotContain("alice", "bob", "7f3a9c", "55e1d0", "firebase|", "cognito|")
        .contains("\"format\":\"syncwell-traffic-profile/1\"");
    assertThat(export.previous().users()).isEqualTo(2);
    assertThat(new TrafficSample("GET", "/x", 200, 0, 0, Optional.of(ALICE)).toString())
        .doesNotContain("alice");
  }

  @Test
  void a_new_utc_day_closes_the_previous_one_and_starts_from_nothing() {
    at(0);
    user(ALICE, "POST", "/v1/sync-jobs", 202, 40, 200);
    clock.set(Instant.parse("2026-11-06T00:00:05Z"));
    user(ALICE, "GET", "/v1/users/me", 200, 0, 300);

    TrafficExport export = recorder.export();

    assertThat(export.previous().day()).isEqualTo("2026-11-05");
    assertThat(export.previous().complete()).isTrue();
    assertThat(export.previous().syncs()).isEqualTo(1);
    assertThat(export.current().day()).isEqualTo("2026-11-06");
    assertThat(export.current().requests()).isEqualTo(1);
    assertThat(export.current().users()).isEqualTo(1);
    assertThat(export.current().sessions()).isEqualTo(1);
    assertThat(export.current().syncs()).isZero();
  }

  @Test
  void users_beyond_the_cap_count_in_the_totals_only_and_the_table_stays_within_its_bound() {
    TrafficRecorder capped = new TrafficRecorder(clock, 1_000);
    for (int i = 0; i < 5_000; i++) {
      capped.observe(sample("user-" + i, "GET", "/v1/users/me", 200, 0, 100));
    }
    for (int i = 0; i < 1_000; i++) { // tracked users come back
      capped.observe(sample("user-" + i, "POST", "/v1/sync-jobs", 202, 40, 200));
    }

    TrafficProfile day = capped.export().current();

    assertThat(day.requests()).isEqualTo(6_000);
    assertThat(day.users()).isEqualTo(1_000);
    assertThat(day.userCap()).isEqualTo(1_000);
    assertThat(day.userRequestsOverCap()).isEqualTo(4_000);
    assertThat(day.requestsPerSession()).isEqualTo(2.0);
    assertThat(day.syncsPerUserPerDay()).isEqualTo(1.0);
    AnonymousUserTable table = capped.today().users();
    assertThat(table.slots()).isEqualTo(table.maxSlots()).isEqualTo(2_048);
    assertThat(AnonymousUserTable.slotsFor(TrafficRecorder.DEFAULT_USER_CAP)).isEqualTo(262_144);
  }

  @Test
  void distinct_users_are_told_apart_even_when_their_ids_differ_by_one_character() {
    at(0);
    for (int i = 0; i < 500; i++) {
      user("u" + i, "GET", "/v1/users/me", 200, 0, 100);
      user("u" + i, "GET", "/v1/users/me", 200, 0, 100);
    }

    TrafficProfile day = recorder.export().current();

    assertThat(day.users()).isEqualTo(500);
    assertThat(day.sessions()).isEqualTo(500);
    assertThat(day.requestsPerSession()).isEqualTo(2.0);
  }

  private void at(int minutesAfterEight) {
    clock.set(EIGHT.plus(Duration.ofMinutes(minutesAfterEight)));
  }

  private void user(String id, String method, String route, int status, long in, long out) {
    recorder.observe(sample(id, method, route, status, in, out));
  }

  private void open(String method, String route, int status, long in, long out) {
    recorder.observe(new TrafficSample(method, route, status, in, out, Optional.empty()));
  }

  private static TrafficSample sample(
      String id, String method, String route, int status, long in, long out) {
    return new TrafficSample(method, route, status, in, out, Optional.of(id));
  }
}
