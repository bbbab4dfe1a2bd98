package com.syncwell.connector.fitbit;

import com.syncwell.connector.Connector;
import com.syncwell.connector.OAuthClient;
import com.syncwell.connector.ProviderDescription;
import com.syncwell.connector.RateWindow;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.RecordWriter;
import com.syncwell.connector.files.WorkoutFileCodec;
import com.syncwell.connector.files.WorkoutFileFormat;
import com.syncwell.connector.http.ActionTable;
import com.syncwell.connector.http.ProviderHttp;
import com.syncwell.connector.http.RateBudget;
import com.syncwell.domain.DataType;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code fitbit} provider: Fitbit and Pixel Watch data through the Google Health API (the
 * legacy Fitbit Web API was shut down in autumn 2026). Reads workouts, steps, sleep, weight and
 * resting heart rate; writes workouts and weight. Every call is budgeted at 300 per minute per user
 * (keyed by the Google healthUserId) and classified by {@link GoogleHealthActions}.
 */
public final class FitbitConnector implements Connector {
  public static final String ID = "fitbit";
  public static final List<RateWindow> RATE_LIMITS =
      List.of(new RateWindow("per-user-minute", Duration.ofMinutes(1), 300, RateWindow.Scope.USER));

  private final ProviderHttp http;
  private final GoogleHealthOAuth oauth;
  private final Map<DataType, RecordReader> readers = new EnumMap<>(DataType.class);
  private final Map<DataType, RecordWriter> writers = new EnumMap<>(DataType.class);

  /**
   * @param tcx the TCX codec that reads {@code exportExerciseTcx} answers
   */
  public FitbitConnector(
      GoogleHealthSettings settings, HttpClient client, Clock clock, WorkoutFileCodec tcx) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(tcx, "tcx");
    if (tcx.format() != WorkoutFileFormat.TCX) {
      throw new IllegalArgumentException("the exercise export needs a TCX codec");
    }
    this.http =
        new ProviderHttp(
            ID,
            client,
            actionTable(),
            new RateBudget(ID, RATE_LIMITS, clock),
            (key, headers) -> {},
            clock,
            Duration.ofSeconds(30));
    this.oauth = new GoogleHealthOAuth(settings, http, clock);
    GoogleHealthApi api = new GoogleHealthApi(http, settings);
    readers.put(DataType.WORKOUT, new ExerciseReader(api, tcx));
    readers.put(DataType.STEPS, new StepsReader(api));
    readers.put(DataType.SLEEP_SESSION, new SleepReader(api));
    readers.put(DataType.WEIGHT, new WeightReader(api));
    readers.put(DataType.HEART_RATE, new RestingHeartRateReader(api));
    writers.put(DataType.WORKOUT, new ExerciseWriter(api));
    writers.put(DataType.WEIGHT, new WeightWriter(api));
  }

  /** The Google Health API's mapping of answers to actions. */
  public static ActionTable actionTable() {
    return new GoogleHealthActions();
  }

  @Override
  public ProviderDescription describe() {
    return new ProviderDescription(
        ID,
        "Fitbit",
        readers.keySet(),
        writers.keySet(),
        true,
        GoogleHealthOAuth.SCOPES,
        RATE_LIMITS);
  }

  @Override
  public Optional<RecordReader> reader(DataType type) {
    return Optional.ofNullable(readers.get(type));
  }

  @Override
  public Optional<RecordWriter> writer(DataType type) {
    return Optional.ofNullable(writers.get(type));
  }

  @Override
  public OAuthClient oauth() {
    return oauth;
  }

  /** The HTTP layer (its circuit breaker, for health checks). */
  public ProviderHttp http() {
    return http;
  }
}
