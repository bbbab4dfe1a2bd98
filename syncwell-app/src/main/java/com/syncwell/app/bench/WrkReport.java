package com.syncwell.app.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one wrk 4.1 run printed (with {@code --latency}): answers completed, run time, requests per
 * second, the latency distribution, answers with a status of 400 or more ("Non-2xx or 3xx
 * responses") and socket errors. wrk prints the last two lines only when they are not zero.
 *
 * <p>A wrk "timeout" is an answer slower than {@code --timeout} (2 s by default): it is counted in
 * {@link #requests} but left out of the latency distribution.
 *
 * <p>Latency percentiles are in milliseconds, as wrk rounds them (two decimals of its unit).
 */
public record WrkReport(
    long requests,
    double seconds,
    double requestsPerSecond,
    double p50,
    double p75,
    double p90,
    double p99,
    long errorStatuses,
    long connectErrors,
    long readErrors,
    long writeErrors,
    long timeouts) {

  private static final Pattern SUMMARY =
      Pattern.compile("^\\s*(\\d+) requests in ([0-9.]+)(us|ms|s|m|h), .* read\\s*$");
  private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([0-9.]+)\\s*$");
  private static final Pattern PERCENTILE =
      Pattern.compile("^\\s*(50|75|90|99)%\\s+([0-9.]+)(us|ms|s|m|h)\\s*$");
  private static final Pattern STATUS =
      Pattern.compile("^\\s*Non-2xx or 3xx responses: (\\d+)\\s*$");
  private static final Pattern SOCKET =
      Pattern.compile(
          "^\\s*Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)\\s*$");

  /** Answers below 400, taken as accepted on a route whose only success is 202. */
  public long belowFourHundred() {
    return requests - errorStatuses;
  }

  /** Connect, read and write errors and timeouts together. */
  public long socketErrors() {
    return connectErrors + readErrors + writeErrors + timeouts;
  }

  /**
   * Parses wrk's standard output.
   *
   * @throws IllegalArgumentException when the summary, the rate or a percentile is missing (wrk
   *     failed, or ran without {@code --latency})
   */
  public static WrkReport parse(String output) {
    Long requests = null;
    Double seconds = null;
    Double rate = null;
    Map<String, Double> percentiles = new HashMap<>();
    long statuses = 0;
    long[] socket = new long[4];
    for (String line : output.split("\\R")) {
      Matcher m;
      if ((m = SUMMARY.matcher(line)).matches()) {
        requests = Long.parseLong(m.group(1));
        seconds = millis(m.group(2), m.group(3)) / 1000;
      } else if ((m = RATE.matcher(line)).matches()) {
        rate = Double.parseDouble(m.group(1));
      } else if ((m = PERCENTILE.matcher(line)).matches()) {
        percentiles.put(m.group(1), millis(m.group(2), m.group(3)));
      } else if ((m = STATUS.matcher(line)).matches()) {
        statuses = Long.parseLong(m.group(1));
      } else if ((m = SOCKET.matcher(line)).matches()) {
        for (int i = 0; i < 4; i++) {
          socket[i] = Long.parseLong(m.group(i + 1));
        }
      }
    }
    if (requests == null || rate == null || percentiles.size() != 4) {
      throw new IllegalArgumentException(
          "not the output of a finished wrk run with --latency: "
              + output.lines().limit(3).toList());
    }
    return new WrkReport(
        requests,
        seconds,
        rate,
        percentiles.get("50"),
        percentiles.get("75"),
        percentiles.get("90"),
        percentiles.get("99"),
        statuses,
        socket[0],
        socket[1],
        socket[2],
        socket[3]);
  }

  /** wrk's time units: us and ms below a second, s and m (and h) above. */
  private static double millis(String amount, String unit) {
    double value = Double.parseDouble(amount);
    return switch (unit) {
      case "us" -> value / 1000;
      case "ms" -> value;
      case "s" -> value * 1000;
      case "m" -> value * 60_000;
      case "h" -> value * 3_600_000;
      default -> throw new IllegalArgumentException("unknown time unit " + unit);
    };
  }
}
