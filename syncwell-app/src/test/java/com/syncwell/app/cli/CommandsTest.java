package com.syncwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    return Commands.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void help_lists_every_command_of_the_interface() {
    int code = run(Map.of(), "--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("demo", "dev", "serve", "simulator", "token", "capacity", "bench");
  }

  @Test
  void every_command_has_help() {
    for (String command :
        new String[] {"demo", "dev", "serve", "simulator", "token", "capacity", "bench"}) {
      out.getBuffer().setLength(0);
      assertThat(run(Map.of(), command, "--help")).as(command).isZero();
      assertThat(out.toString()).as(command).contains("Usage: syncwell " + command);
    }
  }

  @Test
  void help_works_even_when_a_setting_is_malformed() {
    assertThat(run(Map.of("SYNCWELL_PORT", "abc"), "--help")).isZero();
  }

  @Test
  void a_malformed_port_stops_a_command_with_one_line_naming_it() {
    int code = run(Map.of("SYNCWELL_PORT", "abc"), "serve");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("syncwell: SYNCWELL_PORT: ");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void capacity_prints_the_nominal_model_from_the_price_file_in_this_build() {
    int code = run(Map.of(), "capacity");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("scenario nominal, prices 2026-11");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void no_command_prints_usage_and_exits_2() {
    assertThat(run(Map.of())).isEqualTo(2);
    assertThat(err.toString()).contains("Usage: syncwell");
  }

  @Test
  void an_unknown_command_is_bad_usage() {
    assertThat(run(Map.of(), "frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("frobnicate");
  }

  @Test
  void an_unknown_role_is_bad_usage() {
    assertThat(run(Map.of(), "serve", "--role", "database")).isEqualTo(2);
    assertThat(err.toString()).contains("database");
  }

  @Test
  void token_without_a_user_is_bad_usage() {
    assertThat(run(Map.of(), "token")).isEqualTo(2);
    assertThat(err.toString()).contains("--user");
  }

  @Test
  void token_prints_a_dev_token_that_the_platform_on_the_same_data_dir_accepts(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    int code = run(Map.of(), "token", "--user", "alice", "--data-dir", dir.toString());

    assertThat(code).isZero();
    String token = out.toString().strip();
    java.time.Clock clock = java.time.Clock.systemUTC();
    var authenticator =
        com.syncwell.api.auth.JwtAuthenticator.builder(clock)
            .dev(com.syncwell.api.auth.DevIssuer.openOrCreate(dir, clock))
            .build();
    assertThat(authenticator.authenticate("Bearer " + token))
        .isEqualTo(new com.syncwell.api.auth.AuthOutcome.Authenticated("alice", "dev"));
  }

  @Test
  void token_refuses_an_issuer_it_cannot_mint_for_in_one_line() {
    assertThat(run(Map.of(), "token", "--user", "alice", "--issuer", "firebase")).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).contains("--issuer");
    assertThat(out.toString()).isEmpty();
  }
}
