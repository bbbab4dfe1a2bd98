package com.syncwell.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.api.auth.Authenticator;
import com.syncwell.api.http.RateSettings;
import com.syncwell.api.http.Route;
import com.syncwell.api.webhook.StravaWebhookReceiver;
import com.syncwell.api.webhook.StravaWebhookSettings;
import com.syncwell.api.webhook.WebhookReceiver;
import com.syncwell.connector.Connector;
import com.syncwell.engine.limit.LocalRateLimiter;
import com.syncwell.engine.port.CommitGroup;
import com.syncwell.engine.port.limit.RateLimiter;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.store.JobRequests;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.SyncConfigStore;
import com.syncwell.engine.sync.ConnectorRegistry;
import com.syncwell.engine.sync.RequestSyncJob;
import com.syncwell.engine.sync.RequestSyncOnProviderChange;
import com.syncwell.store.crypto.KeysetFile;
import com.syncwell.store.crypto.TinkStateSigner;
import com.syncwell.store.crypto.TinkTokenCipher;
import com.syncwell.store.sqlite.SqliteCommitGroup;
import com.syncwell.store.sqlite.SqliteDatabase;
import com.syncwell.store.sqlite.SqliteJobQueue;
import com.syncwell.store.sqlite.SqliteMetadataTable;
import com.syncwell.testkit.MutableClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running API over real SQLite stores in a temporary directory, a {@link MutableClock} and a
 * {@link java.net.http.HttpClient} talking to it over 127.0.0.1. Tokens are {@code Bearer
 * user-<name>} ({@link FakeAuthenticator}) unless another authenticator is given.
 */
final class ApiBed implements AutoCloseable {
  static final String STRAVA_VERIFY_TOKEN = "strava-verify-token";
  static final String STRAVA_SUBSCRIPTION = "4242";
  private static final ObjectMapper JSON = new ObjectMapper();

  final MutableClock clock = MutableClock.startingAtNewYear();
  final SqliteDatabase db;
  final SwitchableTable table;
  final SwitchableQueue queue;
  final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final ConnectionStore connections;
  final JobStore jobs;
  final CommitGroup commits;
  final ApiServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** What to start. */
  static final class Options {
    RateLimiter limiter = new UnlimitedRateLimiter();
    RateSettings rates = RateSettings.defaults();
    List<Route> extraRoutes = List.of();
    Map<String, Connector> connectors = Map.of();
    java.util.function.Function<MutableClock, Authenticator> authenticator =
        c -> new FakeAuthenticator();
    List<WebhookReceiver> extraReceivers = List.of();
    Optional<com.syncwell.api.ops.AdminToken> adminToken = Optional.empty();
    boolean groupedCommits = true;

    /**
     * Each write committed on its own, as on DynamoDB and SQS (the default groups them in one
     * SQLite transaction, as the embedded store does).
     */
    Options separateCommits() {
      groupedCommits = false;
      return this;
    }

    /** The real {@link LocalRateLimiter} on the bed's clock. */
    Options limited(RateSettings r) {
      limiter = null;
      rates = r;
      return this;
    }

    Options routes(List<Route> r) {
      extraRoutes = r;
      return this;
    }

    Options connectors(Map<String, Connector> c) {
      connectors = c;
      return this;
    }

    /** An authenticator made on the bed's clock. */
    Options authenticator(java.util.function.Function<MutableClock, Authenticator> a) {
      authenticator = a;
      return this;
    }

    Options receivers(List<WebhookReceiver> r) {
      extraReceivers = r;
      return this;
    }

    Options adminToken(String token) {
      adminToken = Optional.of(com.syncwell.api.ops.AdminToken.of(token));
      return this;
    }
  }

  static Options options() {
    return new Options();
  }

  ApiBed(Path dir) {
    this(dir, options());
  }

  ApiBed(Path dir, RateLimiter limiter, RateSettings rates, List<Route> extraRoutes) {
    this(dir, withLimits(limiter, rates, extraRoutes));
  }

  private static Options withLimits(RateLimiter limiter, RateSettings rates, List<Route> routes) {
    Options o = options().routes(routes);
    o.limiter = limiter;
    o.rates = rates;
    return o;
  }

  ApiBed(Path dir, Options o) {
    db = SqliteDatabase.open(dir.resolve("api.db"));
    table = new SwitchableTable(new SqliteMetadataTable(db, clock));
    queue =
        new SwitchableQueue(new SqliteJobQueue(db, "jobs", clock, JobQueue.DEFAULT_MAX_RECEIVES));
    TinkTokenCipher cipher = TinkTokenCipher.withKeysetCreatedIfAbsent(KeysetFile.inDataDir(dir));
    connections = new ConnectionStore(table, cipher, clock);
    jobs = new JobStore(table, clock);
    commits = o.groupedCommits ? new SqliteCommitGroup(db) : CommitGroup.separately();
    ApiUseCases useCases =
        ApiUseCases.wire(
            table,
            queue,
            new ConnectorRegistry(o.connectors),
            cipher,
            TinkStateSigner.withFreshKey(),
            clock,
            JobRequests.IGNORED,
            commits);
    List<WebhookReceiver> receivers = new ArrayList<>(o.extraReceivers);
    receivers.add(
        new StravaWebhookReceiver(
            StravaWebhookSettings.of(
                Optional.of(STRAVA_VERIFY_TOKEN), Optional.of(STRAVA_SUBSCRIPTION)),
            connections,
            new RequestSyncOnProviderChange(
                new SyncConfigStore(table, clock), table, new RequestSyncJob(jobs, queue), clock)));
    ApiDependencies deps =
        new ApiDependencies(
            table,
            queue,
            useCases,
            o.authenticator.apply(clock),
            o.limiter == null ? new LocalRateLimiter(clock) : o.limiter,
            o.rates,
            receivers,
            clock,
            meters,
            o.adminToken);
    server = new ApiServer(deps, o.extraRoutes).start("127.0.0.1", 0);
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  /** A request builder for {@code path}, signed in as {@code user} when not null. */
  HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
    if (user != null) {
      b.header("Authorization", "Bearer " + user);
    }
    return b;
  }

  Reply get(String path, String user) {
    return send(request(path, user).GET().build());
  }

  Reply delete(String path, String user, String... headers) {
    HttpRequest.Builder b = request(path, user).DELETE();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  Reply sendJson(String method, String path, String user, String json, String... headers) {
    HttpRequest.Builder b =
        request(path, user)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
    db.close();
  }

  /** A response as the client saw it. */
  record Reply(int status, java.net.http.HttpHeaders headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + text(), e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }
}
