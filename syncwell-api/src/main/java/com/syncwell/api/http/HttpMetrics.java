package com.syncwell.api.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;

/**
 * Request metrics with bounded dimensions: {@code route} (the template, e.g. {@code
 * /v1/sync-configs/{id}}, or {@code unmatched}; never the raw path), {@code method} (a known method
 * or {@code OTHER}) and {@code status} class ({@code 2xx} ...). Prometheus names: {@code
 * syncwell_http_requests_total} and {@code syncwell_http_request_duration_seconds}.
 */
public final class HttpMetrics {
  public static final String UNMATCHED = "unmatched";
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private final MeterRegistry registry;

  public HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void record(String method, String route, int status, Duration elapsed) {
    String m = METHODS.contains(method) ? method : "OTHER";
    String s = (status / 100) + "xx";
    Counter.builder("syncwell.http.requests")
        .description("HTTP requests by route template, method and status class")
        .tag("route", route)
        .tag("method", m)
        .tag("status", s)
        .register(registry)
        .increment();
    Timer.builder("syncwell.http.request.duration")
        .description("HTTP request latency by route template, method and status class")
        .tag("route", route)
        .tag("method", m)
        .tag("status", s)
        .register(registry)
        .record(elapsed);
  }
}
