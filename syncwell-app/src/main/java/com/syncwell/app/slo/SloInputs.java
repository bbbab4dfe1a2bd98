package com.syncwell.app.slo;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The counts the SLOs are computed from, cumulative since the node started (one scrape) or over a
 * window (the difference of two scrapes): requests and 5xx answers on {@code /v1/**} route
 * templates, their latency histogram (bucket upper bound in seconds → requests at or under it,
 * {@code +Inf} included), and sync jobs that ended and that were dead-lettered.
 */
public record SloInputs(
    double apiRequests,
    double apiServerErrors,
    NavigableMap<Double, Double> latencyBuckets,
    double jobsEnded,
    double jobsDeadLettered) {
  static final String REQUESTS = "syncwell_http_requests_total";
  static final String LATENCY_BUCKETS = "syncwell_http_request_duration_seconds_bucket";
  static final String JOB_RUNS = "syncwell_sync_job_runs_total";

  public SloInputs {
    latencyBuckets = new TreeMap<>(latencyBuckets);
  }

  /** Sums the series of one scrape (or of several nodes' scrapes together). */
  public static SloInputs from(List<MetricSample> samples) {
    double requests = 0;
    double errors = 0;
    double ended = 0;
    double dead = 0;
    TreeMap<Double, Double> buckets = new TreeMap<>();
    for (MetricSample s : samples) {
      switch (s.name()) {
        case REQUESTS -> {
          if (isApi(s)) {
            requests += s.value();
            if (s.label("status").equals("5xx")) {
              errors += s.value();
            }
          }
        }
        case LATENCY_BUCKETS -> {
          if (isApi(s)) {
            double le =
                s.label("le").equals("+Inf")
                    ? Double.POSITIVE_INFINITY
                    : Double.parseDouble(s.label("le"));
            buckets.merge(le, s.value(), Double::sum);
          }
        }
        case JOB_RUNS -> {
          String outcome = s.label("outcome");
          if (outcome.equals("succeeded") || outcome.equals("failed")) {
            ended += s.value();
          } else if (outcome.equals("dead_lettered")) {
            ended += s.value();
            dead += s.value();
          }
        }
        default -> {}
      }
    }
    return new SloInputs(requests, errors, buckets, ended, dead);
  }

  /** What happened between {@code earlier} and this (a window); a restarted node counts anew. */
  public SloInputs since(SloInputs earlier) {
    if (apiRequests < earlier.apiRequests || jobsEnded < earlier.jobsEnded) {
      return this; // counters were reset: the node restarted inside the window
    }
    TreeMap<Double, Double> buckets = new TreeMap<>();
    for (Map.Entry<Double, Double> b : latencyBuckets.entrySet()) {
      buckets.put(b.getKey(), b.getValue() - earlier.latencyBuckets.getOrDefault(b.getKey(), 0.0));
    }
    return new SloInputs(
        apiRequests - earlier.apiRequests,
        apiServerErrors - earlier.apiServerErrors,
        buckets,
        jobsEnded - earlier.jobsEnded,
        jobsDeadLettered - earlier.jobsDeadLettered);
  }

  /** Both together (two nodes). */
  public SloInputs plus(SloInputs other) {
    TreeMap<Double, Double> buckets = new TreeMap<>(latencyBuckets);
    other.latencyBuckets.forEach((le, n) -> buckets.merge(le, n, Double::sum));
    return new SloInputs(
        apiRequests + other.apiRequests,
        apiServerErrors + other.apiServerErrors,
        buckets,
        jobsEnded + other.jobsEnded,
        jobsDeadLettered + other.jobsDeadLettered);
  }

  /** Nothing counted. */
  public static SloInputs none() {
    return new SloInputs(0, 0, new TreeMap<>(), 0, 0);
  }

  private static boolean isApi(MetricSample s) {
    return s.label("route").startsWith("/v1/");
  }
}
