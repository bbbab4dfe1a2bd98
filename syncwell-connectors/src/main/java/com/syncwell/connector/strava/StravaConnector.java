package com.syncwell.connector.strava;

import com.syncwell.connector.Connector;
import com.syncwell.connector.OAuthClient;
import com.syncwell.connector.ProviderDescription;
import com.syncwell.connector.RateWindow;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.RecordWriter;
import com.syncwell.connector.files.WorkoutFileCodec;
import com.syncwell.connector.http.ProviderHttp;
import com.syncwell.connector.http.RateBudget;
import com.syncwell.domain.DataType;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Strava API v3: reads and writes workouts (Strava stores nothing else), pushes webhooks, and
 * limits calls per application (see {@link StravaRateLimits}). One instance serves every user.
 */
public final class StravaConnector implements Connector {
  public static final String ID = "strava";

  /** How far before the high-water mark a new listing pass starts. */
  public static final Duration DEFAULT_RELIST_OVERLAP = Duration.ofDays(3);

  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ProviderDescription description;
  private final RateBudget budget;
  private final ProviderHttp http;
  private final StravaOAuth oauth;
  private final StravaActivityReader reader;
  private final StravaActivityWriter writer;

  /** Production wiring: waits between upload polls with {@code Thread.sleep}. */
  public StravaConnector(
      StravaSettings settings,
      HttpClient client,
      Clock clock,
      WorkoutFileCodec fit,
      WorkoutFileCodec tcx) {
    this(settings, client, clock, fit, tcx, StravaConnector::sleep, DEFAULT_RELIST_OVERLAP);
  }

  public StravaConnector(
      StravaSettings settings,
      HttpClient client,
      Clock clock,
      WorkoutFileCodec fit,
      WorkoutFileCodec tcx,
      LongConsumer pause,
      Duration relistOverlap) {
    this(settings, client, clock, fit, tcx, pause, relistOverlap, StravaRateLimits.WINDOWS);
  }

  /**
   * With the application's budget over {@code budgetWindows} instead of Strava's documented limits
   * (a raised limit, e.g. for the sync benchmark against the simulator with its quotas raised).
   */
  public StravaConnector(
      StravaSettings settings,
      HttpClient client,
      Clock clock,
      WorkoutFileCodec fit,
      WorkoutFileCodec tcx,
      LongConsumer pause,
      Duration relistOverlap,
      List<RateWindow> budgetWindows) {
    Objects.requireNonNull(settings, "settings");
    this.description =
        new ProviderDescription(
            ID,
            "Strava",
            Set.of(DataType.WORKOUT),
            Set.of(DataType.WORKOUT),
            true,
            StravaOAuth.SCOPES,
            StravaRateLimits.WINDOWS);
    this.budget = new RateBudget(ID, budgetWindows, clock);
    this.http =
        new ProviderHttp(
            ID,
            client,
            new StravaActionTable(),
            budget,
            new StravaRateLimits(budget),
            clock,
            TIMEOUT,
            StravaRateLimits::applies);
    this.oauth = new StravaOAuth(settings, http, clock);
    this.reader = new StravaActivityReader(settings, http, relistOverlap);
    this.writer = new StravaActivityWriter(settings, http, fit, tcx, pause);
  }

  @Override
  public ProviderDescription describe() {
    return description;
  }

  @Override
  public Optional<RecordReader> reader(DataType type) {
    return type == DataType.WORKOUT ? Optional.of(reader) : Optional.empty();
  }

  @Override
  public Optional<RecordWriter> writer(DataType type) {
    return type == DataType.WORKOUT ? Optional.of(writer) : Optional.empty();
  }

  @Override
  public OAuthClient oauth() {
    return oauth;
  }

  /** The HTTP layer (its circuit breaker, for health checks and metrics). */
  public ProviderHttp http() {
    return http;
  }

  /** The application's budget of Strava's limits (shared by every user). */
  public RateBudget budget() {
    return budget;
  }

  /** Production pause between upload polls: {@code Thread.sleep}, keeping an interrupt. */
  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new com.syncwell.connector.Transient(ID, "interrupted while waiting for an upload", e);
    }
  }
}
