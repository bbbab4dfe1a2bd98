package com.syncwell.connector.strava;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RefreshingCredentials;
import com.syncwell.connector.TokenSet;
import com.syncwell.connector.files.FileReadOutcome;
import com.syncwell.connector.files.WorkoutFileCodec;
import com.syncwell.connector.files.WorkoutFileFormat;
import com.syncwell.connector.http.CallMeter;
import com.syncwell.domain.Workout;
import com.syncwell.testkit.ProviderFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Strava connector against WireMock, with a fixed clock, recorded pauses and fake codecs. */
final class StravaTestbed implements AutoCloseable {
  static final Instant NOW = Instant.parse("2024-03-10T12:07:00Z");
  static final String OLD_TOKEN = "old-access-token";
  static final String NEW_TOKEN = "new-access-token";

  final WireMockServer server = new WireMockServer(options().dynamicPort());
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final List<Long> pauses = new CopyOnWriteArrayList<>();
  final List<TokenSet> persisted = new CopyOnWriteArrayList<>();
  final FakeCodec fit = new FakeCodec(WorkoutFileFormat.FIT);
  final FakeCodec tcx = new FakeCodec(WorkoutFileFormat.TCX);
  final StravaSettings settings;
  final StravaConnector connector;

  StravaTestbed() {
    this(Duration.ZERO);
  }

  StravaTestbed(Duration relistOverlap) {
    server.start();
    String root = "http://localhost:" + server.port();
    settings =
        new StravaSettings(
            URI.create(root + "/api/v3"),
            URI.create(root + "/oauth/authorize"),
            URI.create(root + "/oauth/token"),
            "4711",
            "client-secret-value");
    connector =
        new StravaConnector(
            settings,
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            clock,
            fit,
            tcx,
            pauses::add,
            relistOverlap);
  }

  static String fixture(String name) {
    return ProviderFixtures.text("strava/" + name);
  }

  TokenSet tokens(String access) {
    return new TokenSet(
        access,
        Optional.of("refresh-token-1"),
        NOW.plus(Duration.ofHours(6)),
        Set.of("activity:read_all", "activity:write"),
        Optional.of("134815"));
  }

  RefreshingCredentials credentials(String access) {
    return new RefreshingCredentials(tokens(access), connector.oauth(), persisted::add, clock);
  }

  ProviderSession session(String access) {
    return session(credentials(access));
  }

  ProviderSession session(RefreshingCredentials credentials) {
    return new ProviderSession("connection-1", credentials, new CallMeter());
  }

  String tokenAnswer(String access, String refresh) {
    long expiresAt = NOW.plus(Duration.ofHours(6)).getEpochSecond();
    return """
        {"token_type":"Bearer","expires_at":%d,"expires_in":21600,\
        "refresh_token":"%s","access_token":"%s","athlete":{"id":134815}}"""
        .formatted(expiresAt, refresh, access);
  }

  @Override
  public void close() {
    server.stop();
  }

  /** Writes a recognisable placeholder file, or fails when told to. */
  static final class FakeCodec implements WorkoutFileCodec {
    private final WorkoutFileFormat format;
    volatile boolean failing;

    FakeCodec(WorkoutFileFormat format) {
      this.format = format;
    }

    @Override
    public WorkoutFileFormat format() {
      return format;
    }

    @Override
    public FileReadOutcome read(byte[] file) {
      return new FileReadOutcome.Unreadable("fake codec does not read");
    }

    @Override
    public byte[] write(Workout workout) {
      if (failing) {
        throw new IllegalArgumentException(format + " cannot hold this workout");
      }
      return (format + "-file-with-" + workout.samples().size() + "-samples")
          .getBytes(StandardCharsets.UTF_8);
    }
  }
}
