package com.syncwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's refusals; nothing here starts wrk. */
class BenchApiCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    return Commands.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void without_wrk_on_the_path_it_says_so_in_one_line_and_exits_2(@TempDir Path empty) {
    int code = run(Map.of("PATH", empty.toString()), "bench", "api");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().strip()).contains("needs wrk").doesNotContain("\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void an_odd_number_of_connections_is_a_usage_error() {
    assertThat(run(Map.of(), "bench", "api", "--connections", "63")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--connections must be even");
  }

  @Test
  void users_out_of_range_are_a_usage_error() {
    assertThat(run(Map.of(), "bench", "api", "--users", "0")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--users must be 1 to 10000");
  }

  @Test
  void help_names_the_three_knobs() {
    assertThat(run(Map.of(), "bench", "api", "--help")).isZero();
    assertThat(out.toString()).contains("--users", "--seconds", "--connections", "wrk");
  }
}
