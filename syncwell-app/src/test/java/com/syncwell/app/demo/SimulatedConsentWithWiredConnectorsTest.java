package com.syncwell.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.app.ProviderConnectors;
import com.syncwell.app.config.Settings;
import com.syncwell.connector.TokenSet;
import com.syncwell.engine.sync.ConnectorRegistry;
import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatedConsent;
import com.syncwell.simulator.SimulatorOptions;
import java.net.http.HttpClient;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulatedConsentWithWiredConnectorsTest {

  @ParameterizedTest
  @ValueSource(strings = {"fitbit", "strava"})
  void the_real_oauth_flow_against_the_simulator_yields_tokens_for_the_account(String provider) {
    try (ProviderSimulator sim = ProviderSimulator.start(SimulatorOptions.defaults())) {
      ConnectorRegistry connectors =
          ProviderConnectors.from(Settings.fromEnvironment(sim.environment()), Clock.systemUTC());
      SimulatedConsent consent = new SimulatedConsent(HttpClient.newHttpClient());

      TokenSet tokens =
          consent.approve(connectors.forProvider(provider).orElseThrow().oauth(), "alice");

      assertThat(tokens.accessToken()).isNotBlank();
      assertThat(tokens.refreshToken()).isPresent();
      assertThat(tokens.providerUserId()).isPresent();
    }
  }

  @Test
  void the_same_account_gets_the_same_provider_user_id() {
    try (ProviderSimulator sim = ProviderSimulator.start(SimulatorOptions.defaults())) {
      var strava =
          ProviderConnectors.from(Settings.fromEnvironment(sim.environment()), Clock.systemUTC())
              .forProvider("strava")
              .orElseThrow()
              .oauth();
      SimulatedConsent consent = new SimulatedConsent(HttpClient.newHttpClient());

      assertThat(consent.approve(strava, "alice").providerUserId())
          .isEqualTo(consent.approve(strava, "alice").providerUserId())
          .isNotEqualTo(consent.approve(strava, "bob").providerUserId());
    }
  }
}
