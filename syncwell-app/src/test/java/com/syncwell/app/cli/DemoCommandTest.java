package com.syncwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end, in process: the platform, the simulator and the scripted syncs. */
class DemoCommandTest {
  @TempDir Path dataDir;

  private String demo(StringWriter err) {
    StringWriter out = new StringWriter();
    int code =
        Commands.run(
            new String[] {"demo", "--data-dir", dataDir.toString()},
            Map.of(),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(code).as("exit code; stderr: %s", err).isZero();
    return out.toString();
  }

  @Test
  void the_demo_syncs_both_ways_and_its_second_sync_writes_nothing() {
    String out = demo(new StringWriter());

    assertThat(out)
        .contains("Fitbit (Google Health API): connected")
        .contains("Strava: connected")
        .contains("Fitbit -> Strava  SUCCEEDED")
        .contains("Strava -> Fitbit  SUCCEEDED")
        .contains("weighings in the last 30 days")
        .containsPattern("first sync wrote [1-9]\\d* records, second sync wrote 0;");
  }

  @Test
  void a_second_demo_on_the_same_data_directory_writes_nothing_new() {
    demo(new StringWriter());

    String again = demo(new StringWriter());

    assertThat(again)
        .contains("authorized again")
        .contains("first sync wrote 0 records, second sync wrote 0;");
  }
}
