package com.syncwell.api;

import com.syncwell.connector.Connector;
import com.syncwell.connector.files.WorkoutFileFormat;
import com.syncwell.connector.files.WorkoutFiles;
import com.syncwell.connector.fitbit.FitbitConnector;
import com.syncwell.connector.fitbit.GoogleHealthSettings;
import com.syncwell.connector.strava.StravaConnector;
import com.syncwell.connector.strava.StravaSettings;
import com.syncwell.simulator.ProviderSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/** The real Fitbit (Google Health API) and Strava connectors, pointed at a running simulator. */
final class SimulatorConnectors {
  private SimulatorConnectors() {}

  static Map<String, Connector> of(ProviderSimulator sim) {
    Map<String, String> env = sim.environment();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Connector fitbit =
        new FitbitConnector(
            GoogleHealthSettings.of(
                URI.create(env.get("SYNCWELL_FITBIT_BASE_URL")),
                URI.create(env.get("SYNCWELL_FITBIT_AUTH_URL")),
                URI.create(env.get("SYNCWELL_FITBIT_TOKEN_URL")),
                env.get("SYNCWELL_FITBIT_CLIENT_ID"),
                env.get("SYNCWELL_FITBIT_CLIENT_SECRET")),
            client,
            sim.clock(),
            WorkoutFiles.codec(WorkoutFileFormat.TCX));
    Connector strava =
        new StravaConnector(
            new StravaSettings(
                URI.create(env.get("SYNCWELL_STRAVA_BASE_URL")),
                URI.create(env.get("SYNCWELL_STRAVA_AUTH_URL")),
                URI.create(env.get("SYNCWELL_STRAVA_TOKEN_URL")),
                env.get("SYNCWELL_STRAVA_CLIENT_ID"),
                env.get("SYNCWELL_STRAVA_CLIENT_SECRET")),
            client,
            sim.clock(),
            WorkoutFiles.codec(WorkoutFileFormat.FIT),
            WorkoutFiles.codec(WorkoutFileFormat.TCX),
            millis -> {},
            StravaConnector.DEFAULT_RELIST_OVERLAP);
    return Map.of(FitbitConnector.ID, fitbit, StravaConnector.ID, strava);
  }
}
