package com.syncwell.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Samples are real wrk 4.1.0 (Debian 4.1.0-3+b2) output captured on loopback. */
class WrkReportTest {
  private static final String WITH_TIMEOUTS =
      """
      Running 3s test @ http://127.0.0.1:33835/v1/sync-jobs
        2 threads and 64 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency   133.19ms  366.68ms   1.88s    89.60%
          Req/Sec   224.65    175.12   580.00     60.00%
        Latency Distribution
           50%    1.90ms
           75%    5.64ms
           90%  565.82ms
           99%    1.68s\s
        959 requests in 3.07s, 444.85KB read
        Socket errors: connect 0, read 0, write 0, timeout 25
      Requests/sec:    312.28
      Transfer/sec:    144.86KB
      """;

  private static final String WITH_ERROR_STATUSES =
      """
      Running 2s test @ http://127.0.0.1:18777/nothere
        2 threads and 4 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency     8.25ms   12.95ms  91.61ms   88.29%
          Req/Sec   485.58    243.83     0.98k    65.00%
        Latency Distribution
           50%    2.91ms
           75%    7.18ms
           90%   24.52ms
           99%   62.90ms
        1956 requests in 2.03s, 0.97MB read
        Non-2xx or 3xx responses: 1956
      Requests/sec:    965.43
      Transfer/sec:    490.26KB
      """;

  private static final String CLEAN_WITH_MICROSECONDS =
      """
      Running 15s test @ http://127.0.0.1:41257/healthz
        2 threads and 64 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency     2.71ms    3.02ms  48.01ms   88.91%
          Req/Sec    13.35k     1.87k   17.93k    71.33%
        Latency Distribution
           50%  845.00us
           75%    3.42ms
           90%    6.55ms
           99%   14.30ms
        398563 requests in 15.01s, 104.27MB read
      Requests/sec:  26553.42
      Transfer/sec:      6.95MB
      """;

  @Test
  void reads_the_rate_the_percentiles_and_the_timeouts_of_a_run() {
    WrkReport r = WrkReport.parse(WITH_TIMEOUTS);

    assertThat(r.requests()).isEqualTo(959);
    assertThat(r.seconds()).isCloseTo(3.07, within(1e-9));
    assertThat(r.requestsPerSecond()).isCloseTo(312.28, within(1e-9));
    assertThat(r.p50()).isCloseTo(1.90, within(1e-9));
    assertThat(r.p75()).isCloseTo(5.64, within(1e-9));
    assertThat(r.p90()).isCloseTo(565.82, within(1e-9));
    assertThat(r.p99()).isCloseTo(1680, within(1e-9));
    assertThat(r.timeouts()).isEqualTo(25);
    assertThat(r.socketErrors()).isEqualTo(25);
    assertThat(r.errorStatuses()).isZero();
    assertThat(r.belowFourHundred()).isEqualTo(959);
  }

  @Test
  void answers_of_four_hundred_or_more_are_not_counted_as_accepted() {
    WrkReport r = WrkReport.parse(WITH_ERROR_STATUSES);

    assertThat(r.errorStatuses()).isEqualTo(1956);
    assertThat(r.belowFourHundred()).isZero();
    assertThat(r.socketErrors()).isZero();
    assertThat(r.p99()).isCloseTo(62.90, within(1e-9));
  }

  @Test
  void microseconds_become_milliseconds_and_a_clean_run_has_no_errors() {
    WrkReport r = WrkReport.parse(CLEAN_WITH_MICROSECONDS);

    assertThat(r.p50()).isCloseTo(0.845, within(1e-9));
    assertThat(r.requests()).isEqualTo(398_563);
    assertThat(r.seconds()).isCloseTo(15.01, within(1e-9));
    assertThat(r.requestsPerSecond()).isCloseTo(26_553.42, within(1e-9));
    assertThat(r.errorStatuses()).isZero();
    assertThat(r.socketErrors()).isZero();
  }

  @Test
  void a_run_of_a_minute_or_more_reports_its_time_in_minutes() {
    WrkReport r =
        WrkReport.parse(CLEAN_WITH_MICROSECONDS.replace("requests in 15.01s", "requests in 1.00m"));

    assertThat(r.seconds()).isCloseTo(60, within(1e-9));
  }

  @Test
  void output_without_the_latency_distribution_is_refused() {
    String withoutDistribution =
        CLEAN_WITH_MICROSECONDS
            .lines()
            .filter(l -> !l.contains("%  ") && !l.contains("Distribution"))
            .reduce("", (a, b) -> a + b + "\n");

    assertThatThrownBy(() -> WrkReport.parse(withoutDistribution))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--latency");
  }

  @Test
  void the_error_of_a_wrk_that_could_not_connect_is_refused() {
    assertThatThrownBy(
            () -> WrkReport.parse("unable to connect to 127.0.0.1:1 Connection refused\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
