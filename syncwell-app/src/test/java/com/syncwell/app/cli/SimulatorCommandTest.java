package com.syncwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatorOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorCommandTest {
  @Test
  void print_env_lines_parse_back_to_every_provider_setting() {
    try (ProviderSimulator sim = ProviderSimulator.start(SimulatorOptions.defaults())) {
      List<String> lines = SimulatorCommand.exportLines(sim.environment());
      Map<String, String> parsed = new LinkedHashMap<>();
      for (String line : lines) {
        assertThat(line).startsWith("export SYNCWELL_");
        String assignment = line.substring("export ".length());
        int eq = assignment.indexOf('=');
        String value = assignment.substring(eq + 1);
        if (value.startsWith("'")) {
          value = value.substring(1, value.length() - 1).replace("'\\''", "'");
        }
        parsed.put(assignment.substring(0, eq), value);
      }
      for (String provider : List.of("FITBIT", "STRAVA")) {
        for (String setting :
            List.of("BASE_URL", "AUTH_URL", "TOKEN_URL", "CLIENT_ID", "CLIENT_SECRET")) {
          assertThat(parsed).containsKey("SYNCWELL_" + provider + "_" + setting);
        }
      }
      assertThat(parsed)
          .containsKeys(
              "SYNCWELL_FITBIT_WEBHOOK_SECRET",
              "SYNCWELL_FITBIT_WEBHOOK_KEYSET_URL",
              "SYNCWELL_STRAVA_WEBHOOK_VERIFY_TOKEN",
              "SYNCWELL_STRAVA_SUBSCRIPTION_ID");
      assertThat(parsed.get("SYNCWELL_STRAVA_BASE_URL"))
          .isEqualTo(sim.baseUrl() + "/strava/api/v3");
      assertThat(parsed.get("SYNCWELL_FITBIT_WEBHOOK_SECRET")).startsWith("Bearer ");
    }
  }
}
