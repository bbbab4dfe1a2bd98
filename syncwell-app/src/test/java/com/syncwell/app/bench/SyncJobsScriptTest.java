package com.syncwell.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyncJobsScriptTest {
  private static final List<ApiCaller> CALLERS =
      List.of(
          new ApiCaller("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnLWE", "cfg_01AAA"),
          new ApiCaller("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJiIn0.c2lnLWI", "cfg_01BBB"));

  @Test
  void holds_every_token_and_config_id_in_the_same_order() {
    String lua = SyncJobsScript.render(CALLERS, "max", 2, 0);

    String tokens = lua.substring(lua.indexOf("local tokens = {"), lua.indexOf("local configs"));
    String configs = lua.substring(lua.indexOf("local configs = {"), lua.indexOf("function setup"));
    assertThat(tokens)
        .containsSubsequence(
            "\"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnLWE\",",
            "\"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJiIn0.c2lnLWI\",");
    assertThat(configs).containsSubsequence("\"cfg_01AAA\",", "\"cfg_01BBB\",");
  }

  @Test
  void every_request_posts_a_config_with_a_token_and_a_key_made_of_run_thread_and_counter() {
    String lua = SyncJobsScript.render(CALLERS, "max", 2, 0);

    assertThat(lua)
        .contains("local run = \"max\"")
        .contains("local threads = 2")
        .contains("function setup(thread)")
        .contains("thread:set(\"thread_id\", thread_count)")
        .contains("function init(args)")
        .contains("function request()")
        .contains("bearer[i] = \"Bearer \" .. tokens[i]")
        .contains("bodies[i] = '{\"syncConfigId\":\"' .. configs[i] .. '\"}'")
        .contains("headers[\"Content-Type\"] = \"application/json\"")
        .contains(
            "headers[\"Idempotency-Key\"] = \"bench-\" .. run .. \"-\" .. thread_id .. \"-\" .. sent")
        .contains("return wrk.format(\"POST\", \"/v1/sync-jobs\", headers, bodies[user])");
  }

  @Test
  void an_unpaced_script_defines_no_delay_hook_and_no_response_hook() {
    String lua = SyncJobsScript.render(CALLERS, "max", 2, 0);

    assertThat(lua).doesNotContain("function delay").doesNotContain("function response");
  }

  @Test
  void a_paced_script_spreads_the_rate_over_the_threads_on_the_monotonic_clock() {
    String lua = SyncJobsScript.render(CALLERS, "paced", 2, 2605);

    assertThat(lua)
        .contains("local rate = 2605.000")
        .contains("function delay()")
        .contains("local interval_ms = threads * 1000 / rate")
        .contains("ffi.C.clock_gettime(CLOCK_MONOTONIC, clock_now)")
        .contains("local CLOCK_MONOTONIC = 1")
        .doesNotContain("function response");
  }

  @Test
  void runs_of_one_benchmark_differ_in_their_keys() {
    assertThat(SyncJobsScript.render(CALLERS, "warm-up", 2, 0)).contains("local run = \"warm-up\"");
    assertThat(SyncJobsScript.render(CALLERS, "paced", 2, 100)).contains("local run = \"paced\"");
  }

  @Test
  void a_value_a_lua_string_would_have_to_escape_is_refused() {
    List<ApiCaller> quoted = List.of(new ApiCaller("abc\"def", "cfg_1"));
    List<ApiCaller> newline = List.of(new ApiCaller("abc", "cfg_1\nos.exit()"));

    assertThatThrownBy(() -> SyncJobsScript.render(quoted, "max", 2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("abc");
    assertThatThrownBy(() -> SyncJobsScript.render(newline, "max", 2, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_run_name_outside_lowercase_digits_and_dashes_and_a_negative_rate_are_refused() {
    assertThatThrownBy(() -> SyncJobsScript.render(CALLERS, "Max Run", 2, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyncJobsScript.render(CALLERS, "max", 2, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyncJobsScript.render(List.of(), "max", 2, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_caller_never_shows_its_token() {
    assertThat(CALLERS.get(0).toString()).contains("cfg_01AAA").doesNotContain("eyJ");
  }
}
