package com.syncwell.api.ops;

import com.syncwell.api.http.ApiRequest;
import com.syncwell.api.http.ApiResponse;
import com.syncwell.api.http.Problem;
import com.syncwell.api.http.Route;
import com.syncwell.engine.port.limit.RateLimiter;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.MetadataTable;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /healthz} (the process answers), {@code GET /readyz} (the metadata table answers a
 * cheap get and the job queue a depth call; else 503 naming what failed; each dependency's state in
 * {@code dependencies}, the rate limiter's as local, shared or fallback), {@code GET /metrics}
 * (Prometheus text) and {@code GET /v1/openapi.yaml} (the contract). None needs a token.
 */
public final class OperationsRoutes {
  /** A key no item ever has: reading it costs one cheap get. */
  static final ItemKey PROBE_KEY = ItemKey.of("PROBE#readyz", "PROBE");

  private static final Logger LOG = LoggerFactory.getLogger(OperationsRoutes.class);

  private final MetadataTable table;
  private final JobQueue queue;
  private final RateLimiter limiter;
  private final PrometheusMeterRegistry meters;
  private final byte[] openApi;

  public OperationsRoutes(
      MetadataTable table, JobQueue queue, RateLimiter limiter, PrometheusMeterRegistry meters) {
    this.table = table;
    this.queue = queue;
    this.limiter = limiter;
    this.meters = meters;
    this.openApi = loadContract();
  }

  public List<Route> routes() {
    return List.of(
        Route.open("GET", "/healthz", this::health),
        Route.open("GET", "/readyz", this::ready),
        Route.open("GET", "/metrics", this::metrics),
        Route.open("GET", "/v1/openapi.yaml", this::contract));
  }

  private ApiResponse health(ApiRequest request) {
    return ApiResponse.json(200, Map.of("status", "ok"));
  }

  private ApiResponse ready(ApiRequest request) {
    List<String> failing = new ArrayList<>();
    Map<String, String> dependencies = new LinkedHashMap<>();
    try {
      table.get(PROBE_KEY);
      dependencies.put("metadataTable", "up");
    } catch (RuntimeException e) {
      LOG.warn("readiness: metadata table failed: {}", e.getClass().getSimpleName());
      failing.add("metadataTable");
      dependencies.put("metadataTable", "down");
    }
    try {
      queue.approximateDepth();
      dependencies.put("jobQueue", "up");
    } catch (RuntimeException e) {
      LOG.warn("readiness: job queue failed: {}", e.getClass().getSimpleName());
      failing.add("jobQueue");
      dependencies.put("jobQueue", "down");
    }
    // A limiter in fallback keeps the node serving (per-node buckets): reported, never failing.
    dependencies.put("rateLimiter", limiter.state().name().toLowerCase(Locale.ROOT));
    if (failing.isEmpty()) {
      return ApiResponse.json(200, Map.of("status", "ready", "dependencies", dependencies));
    }
    return Problem.of(
            503, "dependency_unavailable", "Not ready: " + String.join(", ", failing) + " failing.")
        .with("failing", failing)
        .with("dependencies", dependencies)
        .toResponse(request.correlationId())
        .withHeader("Retry-After", "5");
  }

  private ApiResponse metrics(ApiRequest request) {
    byte[] text = meters.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new ApiResponse(
        200, Optional.of("text/plain; version=0.0.4; charset=utf-8"), Map.of(), text);
  }

  private ApiResponse contract(ApiRequest request) {
    return new ApiResponse(
        200,
        Optional.of("application/yaml"),
        Map.of("Cache-Control", "public, max-age=300"),
        openApi);
  }

  /** The OpenAPI file shipped in this jar. */
  public static byte[] loadContract() {
    try (InputStream in = OperationsRoutes.class.getResourceAsStream("/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read openapi.yaml", e);
    }
  }
}
