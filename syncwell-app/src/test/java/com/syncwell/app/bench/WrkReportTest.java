package com.syncwell.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Samples are real wrk 4.1.0 (Debian 4.1.0-3+b2) output captured on loopback (the first and last
 * against this API, the second against a server answering 404).
 */
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

  private static final String CLEAN =
      """
      Running 15s test @ http://127.0.0.1:36543/healthz
        2 threads and 64 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency     4.77ms   13.79ms 239.34ms   97.86%
          Req/Sec    10.51k     2.54k   20.01k    72.91%
        Latency Distribution
           50%    2.69ms
           75%    3.46ms
           90%    5.36ms
           99%   69.07ms
        313138 requests in 15.07s, 83.02MB read
      Requests/sec:  20782.37
      Transfer/sec:      5.51MB
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
  void a_clean_run_has_no_errors() {
    WrkReport r = WrkReport.parse(CLEAN);

    assertThat(r.requests()).isEqualTo(313_138);
    assertThat(r.seconds()).isCloseTo(15.07, within(1e-9));
    assertThat(r.requestsPerSecond()).isCloseTo(20_782.37, within(1e-9));
    assertThat(r.p50()).isCloseTo(2.69, within(1e-9));
    assertThat(r.p99()).isCloseTo(69.07, within(1e-9));
    assertThat(r.errorStatuses()).isZero();
    assertThat(r.socketErrors()).isZero();
  }

  // wrk prints times under 0.85 ms in us and runs of 51 s or more in minutes (units.c).

  @Test
  void microseconds_become_milliseconds() {
    WrkReport r = WrkReport.parse(CLEAN.replace("50%    2.69ms", "50%  845.00us"));

    assertThat(r.p50()).isCloseTo(0.845, within(1e-9));
  }

  @Test
  void a_run_of_a_minute_reports_its_time_in_minutes() {
    WrkReport r = WrkReport.parse(CLEAN.replace("requests in 15.07s", "requests in 1.00m"));

    assertThat(r.seconds()).isCloseTo(60, within(1e-9));
  }

  @Test
  void output_without_the_latency_distribution_is_refused() {
    String withoutDistribution =
        CLEAN
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
