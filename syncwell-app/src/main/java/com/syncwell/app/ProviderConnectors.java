package com.syncwell.app;

import com.syncwell.app.config.ProviderSettings;
import com.syncwell.app.config.Settings;
import com.syncwell.app.config.Settings.Provider;
import com.syncwell.app.config.StravaAppLimits;
import com.syncwell.connector.Connector;
import com.syncwell.connector.RateWindow;
import com.syncwell.connector.files.WorkoutFileFormat;
import com.syncwell.connector.files.WorkoutFiles;
import com.syncwell.connector.fitbit.FitbitConnector;
import com.syncwell.connector.fitbit.GoogleHealthSettings;
import com.syncwell.connector.strava.StravaConnector;
import com.syncwell.connector.strava.StravaRateLimits;
import com.syncwell.connector.strava.StravaSettings;
import com.syncwell.engine.sync.ConnectorRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Builds the connectors from the settings: a provider takes part when its client id and secret are
 * set; its URLs default to the real provider's.
 */
public final class ProviderConnectors {
  private ProviderConnectors() {}

  public static ConnectorRegistry from(Settings settings, Clock clock) {
    return from(settings, clock, (provider, client) -> client);
  }

  /**
   * Like {@link #from(Settings, Clock)}, each connector's HTTP client passed through {@code
   * perProvider} (given the provider id and the shared client; the platform meters calls there).
   */
  public static ConnectorRegistry from(
      Settings settings, Clock clock, BiFunction<String, HttpClient, HttpClient> perProvider) {
    return build(settings, clock, perProvider);
  }

  /** The circuit breaker of a connector built here, if it has one. */
  public static Optional<CircuitBreaker> circuitBreakerOf(Connector connector) {
    return switch (connector) {
      case FitbitConnector f -> Optional.of(f.http().circuitBreaker());
      case StravaConnector s -> Optional.of(s.http().circuitBreaker());
      default -> Optional.empty();
    };
  }

  /** Strava's documented windows with the application's granted limits. */
  static List<RateWindow> stravaWindows(StravaAppLimits limits) {
    Map<String, Long> granted =
        Map.of(
            StravaRateLimits.OVERALL_15_MIN, limits.overall15Minutes(),
            StravaRateLimits.OVERALL_DAILY, limits.overallDaily(),
            StravaRateLimits.READ_15_MIN, limits.read15Minutes(),
            StravaRateLimits.READ_DAILY, limits.readDaily());
    return StravaRateLimits.WINDOWS.stream()
        .map(w -> new RateWindow(w.name(), w.length(), granted.get(w.name()), w.scope()))
        .toList();
  }

  private static ConnectorRegistry build(
      Settings settings, Clock clock, BiFunction<String, HttpClient, HttpClient> perProvider) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    Map<String, Connector> connectors = new LinkedHashMap<>();
    ProviderSettings fitbit = settings.providers().get(Provider.FITBIT);
    if (hasClient(fitbit)) {
      connectors.put(
          FitbitConnector.ID,
          new FitbitConnector(
              GoogleHealthSettings.of(
                  fitbit.baseUrl().orElse(GoogleHealthSettings.DEFAULT_BASE_URL),
                  fitbit.authUrl().orElse(GoogleHealthSettings.DEFAULT_AUTH_URL),
                  fitbit.tokenUrl().orElse(GoogleHealthSettings.DEFAULT_TOKEN_URL),
                  fitbit.clientId().orElseThrow(),
                  fitbit.clientSecret().orElseThrow().value()),
              perProvider.apply(FitbitConnector.ID, client),
              clock,
              WorkoutFiles.codec(WorkoutFileFormat.TCX)));
    }
    ProviderSettings strava = settings.providers().get(Provider.STRAVA);
    if (hasClient(strava)) {
      connectors.put(
          StravaConnector.ID,
          new StravaConnector(
              new StravaSettings(
                  strava.baseUrl().orElse(StravaSettings.DEFAULT_BASE_URL),
                  strava.authUrl().orElse(StravaSettings.DEFAULT_AUTH_URL),
                  strava.tokenUrl().orElse(StravaSettings.DEFAULT_TOKEN_URL),
                  strava.clientId().orElseThrow(),
                  strava.clientSecret().orElseThrow().value()),
              perProvider.apply(StravaConnector.ID, client),
              clock,
              WorkoutFiles.codec(WorkoutFileFormat.FIT),
              WorkoutFiles.codec(WorkoutFileFormat.TCX),
              StravaConnector::sleep,
              StravaConnector.DEFAULT_RELIST_OVERLAP,
              stravaWindows(settings.stravaLimits())));
    }
    return new ConnectorRegistry(connectors);
  }

  private static boolean hasClient(ProviderSettings provider) {
    return provider.clientId().isPresent() && provider.clientSecret().isPresent();
  }
}
