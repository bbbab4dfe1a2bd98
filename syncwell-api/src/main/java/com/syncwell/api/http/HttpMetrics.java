package com.syncwell.api.http;

import com.syncwell.api.metrics.MetricDimensions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request metrics with bounded dimensions: {@code route} (the template, e.g. {@code
 * /v1/sync-configs/{id}}, or {@code unmatched}; never the raw path), {@code method} (a known method
 * or {@code OTHER}) and {@code status} class ({@code 2xx} ...). Prometheus names: {@code
 * syncwell_http_requests_total} and {@code syncwell_http_request_duration_seconds}; the timer
 * publishes cumulative buckets at {@link #LATENCY_BUCKETS} (the in-process goal of 25 ms and the
 * edge target of 500 ms among them) so that a p99 can be computed from a scrape.
 */
public final class HttpMetrics {
  public static final String UNMATCHED = "unmatched";

  /** Upper bounds of the latency histogram's buckets. */
  public static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;

  /**
   * The meters of each route, method and status class seen, registered once (bounded like them).
   */
  private final Map<Dimensions, Meters> meters = new ConcurrentHashMap<>();

  public HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void record(String method, String route, int status, Duration elapsed) {
    String m = MetricDimensions.METHODS.contains(method) ? method : "OTHER";
    Meters found = meters.computeIfAbsent(new Dimensions(route, m, status / 100), this::register);
    found.requests().increment();
    found.duration().record(elapsed);
  }

  private record Dimensions(String route, String method, int statusClass) {}

  private record Meters(Counter requests, Timer duration) {}

  private Meters register(Dimensions d) {
    String s = d.statusClass() + "xx";
    return new Meters(
        Counter.builder("syncwell.http.requests")
            .description("HTTP requests by route template, method and status class")
            .tag("route", d.route())
            .tag("method", d.method())
            .tag("status", s)
            .register(registry),
        Timer.builder("syncwell.http.request.duration")
            .description("HTTP request latency by route template, method and status class")
            .tag("route", d.route())
            .tag("method", d.method())
            .tag("status", s)
            .serviceLevelObjectives(LATENCY_BUCKETS)
            .register(registry));
  }
}
