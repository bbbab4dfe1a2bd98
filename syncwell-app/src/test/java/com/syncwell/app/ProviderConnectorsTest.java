package com.syncwell.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.app.config.Settings;
import com.syncwell.domain.DataType;
import com.syncwell.engine.sync.ConnectorRegistry;
import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatorOptions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderConnectorsTest {

  @Test
  void without_client_credentials_no_provider_takes_part() {
    ConnectorRegistry registry =
        ProviderConnectors.from(Settings.fromEnvironment(Map.of()), Clock.systemUTC());

    assertThat(registry.byProvider()).isEmpty();
  }

  @Test
  void the_simulators_printed_settings_wire_both_connectors() {
    try (ProviderSimulator sim = ProviderSimulator.start(SimulatorOptions.defaults())) {
      ConnectorRegistry registry =
          ProviderConnectors.from(Settings.fromEnvironment(sim.environment()), Clock.systemUTC());

      assertThat(registry.byProvider()).containsOnlyKeys("fitbit", "strava");
      assertThat(registry.forProvider("fitbit").orElseThrow().describe().readable())
          .contains(DataType.WORKOUT, DataType.STEPS, DataType.SLEEP_SESSION, DataType.WEIGHT);
      assertThat(registry.forProvider("strava").orElseThrow().writer(DataType.WORKOUT)).isPresent();
    }
  }
}
