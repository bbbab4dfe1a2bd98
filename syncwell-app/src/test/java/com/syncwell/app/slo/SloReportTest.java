package com.syncwell.app.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.syncwell.api.http.HttpMetrics;
import com.syncwell.api.metrics.JobOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SLO view computed from a registry fed known numbers, read back through its scrape. */
class SloReportTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpMetrics http = new HttpMetrics(registry);

  private void requests(String route, int status, Duration latency, int times) {
    for (int i = 0; i < times; i++) {
      http.record("GET", route, status, latency);
    }
  }

  private void jobs(JobOutcome outcome, int times) {
    Counter.builder("syncwell.sync.job.runs")
        .tag("outcome", outcome.tag())
        .register(registry)
        .increment(times);
  }

  private SloReport report() {
    return SloReport.of(SloInputs.from(PrometheusText.parse(registry.scrape())), Optional.empty());
  }

  @Test
  void four_server_errors_in_ten_thousand_api_requests_is_99_96_percent_and_burns_at_0_8() {
    requests("/v1/sync-jobs", 202, Duration.ofMillis(3), 9_000);
    requests("/v1/sync-configs/{id}", 404, Duration.ofMillis(3), 996);
    requests("/v1/sync-jobs", 503, Duration.ofMillis(3), 4);
    requests("/healthz", 500, Duration.ofMillis(3), 50); // not an API route
    requests("unmatched", 500, Duration.ofMillis(3), 50); // no template, not counted

    SloReport r = report();

    assertThat(r.inputs().apiRequests()).isEqualTo(10_000);
    assertThat(r.availability().getAsDouble()).isCloseTo(0.9996, within(1e-12));
    assertThat(r.availabilityBurnRate().getAsDouble()).isCloseTo(0.8, within(1e-9));
  }

  @Test
  void the_p99_is_interpolated_inside_the_bucket_that_holds_the_99th_percentile() {
    requests("/v1/users/me", 200, Duration.ofMillis(4), 980); // bucket (2 ms, 5 ms]
    requests("/v1/users/me", 200, Duration.ofMillis(40), 20); // bucket (25 ms, 50 ms]

    SloReport r = report();

    // rank 990 of 1,000: 10 of the 20 in (25, 50] ms, so halfway: 37.5 ms
    assertThat(r.p99Seconds().getAsDouble()).isCloseTo(0.0375, within(1e-9));
  }

  @Test
  void a_p99_above_the_highest_bucket_is_reported_as_beyond_it() {
    requests("/v1/users/me", 200, Duration.ofSeconds(30), 100);

    assertThat(report().p99Seconds().getAsDouble()).isInfinite();
  }

  @Test
  void two_dead_letters_in_a_thousand_and_two_ended_jobs_burn_the_hot_path_budget_four_times()
      throws Exception {
    jobs(JobOutcome.SUCCEEDED, 990);
    jobs(JobOutcome.FAILED, 10);
    jobs(JobOutcome.DEAD_LETTERED, 2);
    jobs(JobOutcome.RETRIED, 40); // attempts, not ends
    jobs(JobOutcome.RATE_LIMITED, 7);
    jobs(JobOutcome.NOT_RUN, 3);

    SloReport r = report();

    assertThat(r.inputs().jobsEnded()).isEqualTo(1_002);
    assertThat(r.hotPathSuccess().getAsDouble()).isCloseTo(1_000 / 1_002.0, within(1e-12));
    assertThat(r.hotPathBurnRate().getAsDouble()).isCloseTo(2 / 1_002.0 / 0.001, within(1e-9));
    assertThat(r.availability()).isEmpty();
  }

  @Test
  void a_window_is_the_difference_of_two_scrapes() {
    requests("/v1/sync-jobs", 500, Duration.ofMillis(3), 100); // a bad start, before the window
    jobs(JobOutcome.DEAD_LETTERED, 5);
    SloInputs before = SloInputs.from(PrometheusText.parse(registry.scrape()));
    requests("/v1/sync-jobs", 202, Duration.ofMillis(3), 1_000);
    jobs(JobOutcome.SUCCEEDED, 100);
    SloInputs after = SloInputs.from(PrometheusText.parse(registry.scrape()));

    SloReport r = SloReport.of(after.since(before), Optional.of(Duration.ofMinutes(5)));

    assertThat(r.availability().getAsDouble()).isEqualTo(1.0);
    assertThat(r.hotPathSuccess().getAsDouble()).isEqualTo(1.0);
    assertThat(r.p99Seconds().getAsDouble()).isLessThanOrEqualTo(0.005);
  }

  @Test
  void the_printed_view_names_each_objective_with_its_target_and_burn_rate() {
    requests("/v1/sync-jobs", 202, Duration.ofMillis(3), 9_996);
    requests("/v1/sync-jobs", 500, Duration.ofMillis(3), 4);
    StringWriter text = new StringWriter();

    report().print(new PrintWriter(text));

    assertThat(text.toString())
        .contains("since the node(s) started")
        .containsPattern("API availability \\(/v1/\\*\\*\\)\\s+99\\.960 %\\s+99\\.95 %\\s+0\\.80")
        .containsPattern("hot-path success\\s+n/a");
  }

  @Test
  void labels_with_escaped_quotes_and_backslashes_parse() {
    var samples =
        PrometheusText.parse("# HELP x y\nm{a=\"q\\\"uote\",b=\"back\\\\slash\"} 2.5 17\n");

    assertThat(samples).hasSize(1);
    assertThat(samples.getFirst().labels()).isEqualTo(Map.of("a", "q\"uote", "b", "back\\slash"));
    assertThat(samples.getFirst().value()).isEqualTo(2.5);
  }
}
