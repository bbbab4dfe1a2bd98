package com.syncwell.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.syncwell.engine.log.JobLogOutcome;
import com.syncwell.engine.log.LogFields;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobSamplingAppenderTest {
  private static final int JOBS = 100_000;
  private static final int LINES_PER_JOB = 3;

  private final LoggerContext context = new LoggerContext();
  private final Logger logger = context.getLogger("com.syncwell.engine.sync.RunSyncJob");
  private final ListAppender<ILoggingEvent> written = new ListAppender<>();
  private final JobSamplingAppender sampling = new JobSamplingAppender();

  @BeforeEach
  void wire() {
    written.setContext(context);
    written.start();
    sampling.setContext(context);
    sampling.addAppender(written);
    sampling.start();
  }

  private ILoggingEvent line(Level level, String message, Map<String, String> mdc) {
    LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, level, message, null, null);
    event.setMDCPropertyMap(Map.copyOf(mdc));
    return event;
  }

  private ILoggingEvent end(Map<String, String> mdc, JobLogOutcome outcome) {
    Map<String, String> last = new HashMap<>(mdc);
    last.put(LogFields.JOB_OUTCOME, outcome.name());
    LoggingEvent event = (LoggingEvent) line(Level.INFO, "run ended", last);
    event.addMarker(LogFields.JOB_END);
    return event;
  }

  private static Map<String, String> jobContext(String jobId, String tier) {
    Map<String, String> mdc = new HashMap<>();
    mdc.put(LogFields.JOB_ID, jobId);
    mdc.put(LogFields.JOB_RUN, jobId + "/m1");
    mdc.put(LogFields.CORRELATION_ID, "corr-" + jobId);
    if (tier != null) {
      mdc.put(LogFields.TIER, tier);
    }
    return mdc;
  }

  /** Runs one job of {@code lines} INFO lines and an end; returns how many lines were written. */
  private int runJob(String jobId, String tier, int lines, JobLogOutcome outcome) {
    int before = written.list.size();
    Map<String, String> mdc = jobContext(jobId, tier);
    for (int i = 0; i < lines; i++) {
      sampling.doAppend(line(Level.INFO, "line " + i, mdc));
    }
    sampling.doAppend(end(mdc, outcome));
    return written.list.size() - before;
  }

  /**
   * Ids as the job store makes them: a time prefix that most jobs of a day share, and randomness.
   */
  private static String jobId(SecureRandom random, int i) {
    return "job_01JZ" + Integer.toString(i / 1000, 32) + Long.toString(random.nextLong() >>> 1, 32);
  }

  private long keptOf(String tier) {
    SecureRandom random = new SecureRandom();
    long kept = 0;
    for (int i = 0; i < JOBS; i++) {
      int lines = runJob(jobId(random, i), tier, LINES_PER_JOB, JobLogOutcome.SUCCEEDED);
      assertThat(lines).isIn(0, LINES_PER_JOB + 1);
      kept += lines == 0 ? 0 : 1;
      written.list.clear();
    }
    return kept;
  }

  /** Within five standard deviations of the binomial mean (a false alarm about once in 3.5 M). */
  private static void assertBinomial(long kept, LogSample sample) {
    double p = (double) sample.numerator() / sample.denominator();
    double mean = JOBS * p;
    double sigma = Math.sqrt(JOBS * p * (1 - p));
    assertThat((double) kept).isBetween(mean - 5 * sigma, mean + 5 * sigma);
  }

  @Test
  void over_100000_successful_pro_jobs_about_one_in_a_hundred_is_kept_whole() {
    long kept = keptOf("PRO");

    assertBinomial(kept, JobSamplingAppender.DEFAULT_PRO);
    assertThat(sampling.openRuns()).isZero();
  }

  @Test
  void over_100000_successful_free_jobs_about_one_in_ten_thousand_is_kept_whole() {
    long kept = keptOf("FREE");

    assertBinomial(kept, JobSamplingAppender.DEFAULT_FREE);
  }

  @Test
  void a_configured_sample_replaces_the_default() {
    sampling.setFreeSample("1/10");

    assertBinomial(keptOf("FREE"), new LogSample(1, 10));
  }

  @Test
  void a_job_without_a_known_tier_is_sampled_as_free() {
    sampling.setProSample("1/1");
    sampling.setFreeSample("0/1");

    assertThat(runJob("job_a", null, 3, JobLogOutcome.SUCCEEDED)).isZero();
    assertThat(runJob("job_b", "PRO", 3, JobLogOutcome.SUCCEEDED)).isEqualTo(4);
  }

  @Test
  void a_failed_job_writes_every_line_in_order_whatever_its_sample() {
    sampling.setProSample("0/1");
    sampling.setFreeSample("0/1");
    SecureRandom random = new SecureRandom();

    for (int i = 0; i < 1_000; i++) {
      String id = jobId(random, i);
      JobLogOutcome outcome = i % 2 == 0 ? JobLogOutcome.FAILED : JobLogOutcome.RETRY;
      int lines = 1 + random.nextInt(150);

      assertThat(runJob(id, i % 3 == 0 ? "PRO" : "FREE", lines, outcome)).isEqualTo(lines + 1);
      List<String> messages =
          written.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(messages.subList(0, lines))
          .containsExactlyElementsOf(
              java.util.stream.IntStream.range(0, lines).mapToObj(n -> "line " + n).toList());
      written.list.clear();
    }
  }

  @Test
  void
      a_failed_job_over_the_buffer_bound_writes_the_first_lines_and_says_how_many_more_there_were() {
    sampling.setMaxLinesPerJob(200);

    int lines = runJob("job_long", "FREE", 250, JobLogOutcome.FAILED);

    assertThat(lines).isEqualTo(202);
    assertThat(written.list.get(199).getFormattedMessage()).isEqualTo("line 199");
    assertThat(written.list.get(200).getFormattedMessage())
        .isEqualTo(
            "50 more lines of this job run were not kept (at most 200 are buffered per run)");
    assertThat(written.list.get(200).getMDCPropertyMap())
        .containsEntry(LogFields.CORRELATION_ID, "corr-job_long");
  }

  @Test
  void warnings_of_a_job_are_written_at_once_even_when_the_job_is_not_kept() {
    sampling.setFreeSample("0/1");
    Map<String, String> mdc = jobContext("job_w", "FREE");

    sampling.doAppend(line(Level.INFO, "listing", mdc));
    sampling.doAppend(line(Level.WARN, "a ledger entry changed", mdc));
    sampling.doAppend(line(Level.ERROR, "boom", mdc));

    assertThat(written.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("a ledger entry changed", "boom");

    sampling.doAppend(end(mdc, JobLogOutcome.SUCCEEDED));

    assertThat(written.list).hasSize(2);
  }

  @Test
  void lines_outside_a_job_pass_at_once() {
    sampling.setFreeSample("0/1");

    sampling.doAppend(line(Level.INFO, "POST /v1/sync-jobs -> 202", Map.of("correlationId", "c1")));

    assertThat(written.list).hasSize(1);
  }

  @Test
  void when_too_many_runs_are_open_the_lines_of_further_runs_pass_at_once() {
    sampling.setMaxOpenRuns(2);
    sampling.setFreeSample("0/1");

    for (String id : List.of("job_1", "job_2", "job_3")) {
      sampling.doAppend(line(Level.INFO, "started " + id, jobContext(id, "FREE")));
    }

    assertThat(written.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("started job_3");
    assertThat(sampling.openRuns()).isEqualTo(2);
  }

  @Test
  void the_sample_of_a_job_id_is_the_same_every_time() {
    sampling.setProSample("1/2");
    Map<String, Boolean> first = new HashMap<>();
    for (int i = 0; i < 200; i++) {
      first.put("job_" + i, runJob("job_" + i, "PRO", 1, JobLogOutcome.SUCCEEDED) > 0);
    }

    for (int i = 0; i < 200; i++) {
      assertThat(runJob("job_" + i, "PRO", 1, JobLogOutcome.SUCCEEDED) > 0)
          .isEqualTo(first.get("job_" + i));
    }
    assertThat(first.values()).contains(true, false);
  }

  @Test
  void a_malformed_sample_keeps_every_line_and_reports_an_error() {
    sampling.setFreeSample("one in ten");

    assertThat(sampling.freeSample()).isEqualTo(new LogSample(1, 1));
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .anySatisfy(s -> assertThat(s.getMessage()).contains("SYNCWELL_LOG_SAMPLE_FREE"));
  }
}
