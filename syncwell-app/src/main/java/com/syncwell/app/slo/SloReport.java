package com.syncwell.app.slo;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The SLOs of ARCHITECTURE.md §1 computed from {@link SloInputs}.
 *
 * <p>A burn rate is the observed error rate over the one the target allows: 1 spends the error
 * budget exactly as fast as it accrues, above 1 faster (a 30-day budget at burn rate 14.4 is gone
 * in about two days). A value with nothing to measure (no requests, no finished jobs) is empty.
 *
 * @param window how long the inputs cover; empty when they are cumulative since the node started
 * @param availability non-5xx share of requests on {@code /v1/**}
 * @param p99Seconds the 99th percentile latency of those requests, interpolated linearly inside its
 *     histogram bucket; {@code +Infinity} when it is above the highest bucket
 * @param hotPathSuccess share of ended sync jobs that did not reach the dead-letter queue
 */
public record SloReport(
    Optional<Duration> window,
    SloInputs inputs,
    OptionalDouble availability,
    OptionalDouble p99Seconds,
    OptionalDouble hotPathSuccess) {
  public static final double AVAILABILITY_TARGET = 0.9995;
  public static final double HOT_PATH_TARGET = 0.999;

  /** The in-process p99 goal; the edge target is 500 ms. */
  public static final Duration P99_GOAL = Duration.ofMillis(25);

  public static final Duration P99_EDGE_TARGET = Duration.ofMillis(500);

  public static SloReport of(SloInputs inputs, Optional<Duration> window) {
    OptionalDouble availability =
        inputs.apiRequests() > 0
            ? OptionalDouble.of(1 - inputs.apiServerErrors() / inputs.apiRequests())
            : OptionalDouble.empty();
    OptionalDouble hotPath =
        inputs.jobsEnded() > 0
            ? OptionalDouble.of(1 - inputs.jobsDeadLettered() / inputs.jobsEnded())
            : OptionalDouble.empty();
    return new SloReport(window, inputs, availability, p99(inputs), hotPath);
  }

  /** How many times faster than allowed the availability error budget is spent. */
  public OptionalDouble availabilityBurnRate() {
    return burn(availability, AVAILABILITY_TARGET);
  }

  /** How many times faster than allowed the hot-path error budget is spent. */
  public OptionalDouble hotPathBurnRate() {
    return burn(hotPathSuccess, HOT_PATH_TARGET);
  }

  private static OptionalDouble burn(OptionalDouble achieved, double target) {
    return achieved.isPresent()
        ? OptionalDouble.of((1 - achieved.getAsDouble()) / (1 - target))
        : OptionalDouble.empty();
  }

  private static OptionalDouble p99(SloInputs inputs) {
    var buckets = inputs.latencyBuckets();
    if (buckets.isEmpty() || buckets.lastEntry().getValue() <= 0) {
      return OptionalDouble.empty();
    }
    double total = buckets.lastEntry().getValue();
    double rank = 0.99 * total;
    double lowerBound = 0;
    double countBelow = 0;
    for (Map.Entry<Double, Double> b : buckets.entrySet()) {
      if (b.getValue() >= rank) {
        if (b.getKey().isInfinite()) {
          return OptionalDouble.of(Double.POSITIVE_INFINITY);
        }
        double inBucket = b.getValue() - countBelow;
        double fraction = inBucket <= 0 ? 1 : (rank - countBelow) / inBucket;
        return OptionalDouble.of(lowerBound + (b.getKey() - lowerBound) * fraction);
      }
      lowerBound = b.getKey();
      countBelow = b.getValue();
    }
    return OptionalDouble.of(Double.POSITIVE_INFINITY);
  }

  /** A small table for operators. */
  public void print(PrintWriter out) {
    out.println(
        "SLOs "
            + window.map(w -> "over the last " + w).orElse("since the node(s) started")
            + " (ARCHITECTURE.md §1)");
    out.printf(
        Locale.ROOT,
        "  %-26s %-12s %-10s %-10s %s%n",
        "objective",
        "measured",
        "target",
        "burn rate",
        "from");
    out.printf(
        Locale.ROOT,
        "  %-26s %-12s %-10s %-10s %s%n",
        "API availability (/v1/**)",
        percent(availability),
        "99.95 %",
        rate(availabilityBurnRate()),
        String.format(
            Locale.ROOT,
            "%.0f requests, %.0f 5xx",
            inputs.apiRequests(),
            inputs.apiServerErrors()));
    out.printf(
        Locale.ROOT,
        "  %-26s %-12s %-10s %-10s %s%n",
        "API p99 latency",
        millis(p99Seconds),
        "< " + P99_GOAL.toMillis() + " ms",
        "-",
        "in-process; the edge target is < " + P99_EDGE_TARGET.toMillis() + " ms");
    out.printf(
        Locale.ROOT,
        "  %-26s %-12s %-10s %-10s %s%n",
        "hot-path success",
        percent(hotPathSuccess),
        "99.9 %",
        rate(hotPathBurnRate()),
        String.format(
            Locale.ROOT,
            "%.0f jobs ended, %.0f dead-lettered",
            inputs.jobsEnded(),
            inputs.jobsDeadLettered()));
    out.flush();
  }

  private static String percent(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.3f %%", 100 * v.getAsDouble()) : "n/a";
  }

  private static String rate(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.2f", v.getAsDouble()) : "n/a";
  }

  private static String millis(OptionalDouble seconds) {
    if (seconds.isEmpty()) {
      return "n/a";
    }
    if (Double.isInfinite(seconds.getAsDouble())) {
      return "> 10 s";
    }
    return String.format(Locale.ROOT, "%.1f ms", 1000 * seconds.getAsDouble());
  }
}
