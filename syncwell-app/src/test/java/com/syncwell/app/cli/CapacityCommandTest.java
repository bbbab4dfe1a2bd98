package com.syncwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapacityCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private int run(Map<String, String> env, String... args) {
    return Commands.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void the_nominal_scenario_prints_the_reviews_traffic_model_and_total() {
    int code = run("capacity", "--scenario", "nominal");

    assertThat(code).isZero();
    assertThat(out.toString())
        .containsPattern("requests/day +45,000,000")
        .containsPattern("average RPS +521")
        .containsPattern("peak RPS +2,605")
        .containsPattern("syncs/day +10,000,000")
        .containsPattern("average syncs/s +116")
        .containsPattern("peak syncs/s +580")
        .containsPattern("DB write QPS, peak, billed +1,160")
        .containsPattern("egress GB/day +545")
        .containsPattern("egress TB/month +16\\.4")
        .contains("Review's total $12,376: model $12,376")
        .contains("Sensitivity: Lambda design", "with savings plan")
        .contains("Price sources (2026-11)");
  }

  @Test
  void node_throughput_prints_the_serve_fleet_beside_the_lambda_design() {
    int code = run("capacity", "--node-throughput", "api=1700,sync=500");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("api nodes    = ⌈2,605 peak RPS ÷ (1,700 × 0.60)⌉ + 1 = 4")
        .contains("worker nodes = ⌈580 peak syncs/s ÷ (500 × 0.60)⌉ + 1 = 3")
        .containsPattern("Lambda design +\\$12,375\\.63")
        .containsPattern("serve fleet \\(7 × m7g\\.large\\) +\\$");
  }

  @Test
  void an_unknown_scenario_is_bad_usage() {
    assertThat(run("capacity", "--scenario", "optimistic")).isEqualTo(2);
    assertThat(err.toString()).contains("optimistic");
  }

  @Test
  void bad_throughput_or_profile_is_one_line_and_exit_2(@TempDir Path dir) throws Exception {
    Path notAProfile = dir.resolve("profile.json");
    Files.writeString(notAProfile, "{\"format\":\"something-else\"}");

    assertThat(run("capacity", "--node-throughput", "api=fast,sync=500")).isEqualTo(2);
    assertThat(run("capacity", "--measured", notAProfile.toString())).isEqualTo(2);
    assertThat(run("capacity", "--prices", dir.resolve("missing.yaml").toString())).isEqualTo(2);

    assertThat(err.toString().lines())
        .hasSize(3)
        .allSatisfy(l -> assertThat(l).startsWith("syncwell capacity: "));
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void a_malformed_admin_token_stops_every_command_naming_the_variable() {
    int code = run(Map.of("SYNCWELL_ADMIN_TOKEN", "short"), "capacity");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("syncwell: SYNCWELL_ADMIN_TOKEN: ")
        .doesNotContain("short");
  }
}
