package com.syncwell.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.api.http.RateSettings;
import com.syncwell.api.http.Route;
import com.syncwell.engine.limit.LocalRateLimiter;
import com.syncwell.engine.port.limit.RateLimiter;
import com.syncwell.engine.port.queue.JobQueue;
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

/**
 * A running API over real SQLite stores in a temporary directory, a {@link MutableClock} and a
 * {@link java.net.http.HttpClient} talking to it over 127.0.0.1.
 */
final class ApiBed implements AutoCloseable {
  final MutableClock clock = MutableClock.startingAtNewYear();
  final SqliteDatabase db;
  final SwitchableTable table;
  final SwitchableQueue queue;
  final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final ApiServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  ApiBed(Path dir) {
    this(dir, new UnlimitedRateLimiter(), RateSettings.defaults(), List.of());
  }

  ApiBed(Path dir, RateLimiter limiter, RateSettings rates, List<Route> extraRoutes) {
    db = SqliteDatabase.open(dir.resolve("api.db"));
    table = new SwitchableTable(new SqliteMetadataTable(db, clock));
    queue =
        new SwitchableQueue(new SqliteJobQueue(db, "jobs", clock, JobQueue.DEFAULT_MAX_RECEIVES));
    ApiDependencies deps =
        new ApiDependencies(
            table,
            queue,
            new FakeAuthenticator(),
            limiter == null ? new LocalRateLimiter(clock) : limiter,
            rates,
            List.of(),
            clock,
            meters);
    server = new ApiServer(deps, extraRoutes).start("127.0.0.1", 0);
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  /** A bed with the real {@link LocalRateLimiter} on the bed's clock. */
  static ApiBed limited(Path dir, RateSettings rates, List<Route> extraRoutes) {
    return new ApiBed(dir, null, rates, extraRoutes);
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

    List<String> headerValues(String name) {
      return new ArrayList<>(headers.allValues(name));
    }
  }
}
