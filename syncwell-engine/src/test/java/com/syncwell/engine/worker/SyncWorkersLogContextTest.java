package com.syncwell.engine.worker;

import static com.syncwell.engine.worker.QueueFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.syncwell.connector.Transient;
import com.syncwell.engine.log.LogFields;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.store.JobReport;
import com.syncwell.engine.store.JobStatus;
import com.syncwell.engine.sync.JobRun;
import com.syncwell.engine.sync.JobRunner;
import com.syncwell.engine.sync.RequestSyncJob;
import com.syncwell.engine.sync.SyncJobMessage;
import com.syncwell.engine.trace.MessageTraceContext;
import io.opentelemetry.api.trace.Span;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** What a job's log lines carry, and the trace context a job runs under. */
class SyncWorkersLogContextTest {
  private static final String TRACEPARENT =
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  @TempDir Path dir;
  private QueueFixture fx;
  private SyncWorkers workers;
  private final ListAppender<ILoggingEvent> lines =
      new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
          event.prepareForDeferredProcessing(); // the MDC as it was on the logging thread
          super.append(event);
        }
      };
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void open() {
    fx = new QueueFixture(dir);
    lines.setContext(root.getLoggerContext());
    lines.start();
    root.addAppender(lines);
  }

  @AfterEach
  void close() {
    if (workers != null) {
      workers.stop(Duration.ofSeconds(5));
    }
    root.detachAppender(lines);
    fx.close();
  }

  private void start(JobRunner runner) {
    WorkerSettings settings =
        WorkerSettings.defaults(2)
            .withVisibilityTimeout(Duration.ofSeconds(60))
            .withWaitTime(Duration.ofMillis(200));
    workers = new SyncWorkers(fx.queue, runner, settings, fx.clock, () -> 0L, "worker-test");
    workers.start();
  }

  private List<ILoggingEvent> linesOf(String jobId) {
    return List.copyOf(lines.list).stream()
        .filter(e -> jobId.equals(e.getMDCPropertyMap().get(LogFields.JOB_ID)))
        .toList();
  }

  private static List<ILoggingEvent> ends(List<ILoggingEvent> events) {
    return events.stream()
        .filter(e -> e.getMarkerList() != null && e.getMarkerList().contains(LogFields.JOB_END))
        .toList();
  }

  @Test
  void every_line_of_a_job_carries_the_correlation_id_its_message_brought_and_the_job_id() {
    Map<String, String> seen = new ConcurrentHashMap<>();
    start(
        (message, worker) -> {
          seen.put("traceId", Span.current().getSpanContext().getTraceId());
          LoggerFactory.getLogger("com.syncwell.connector.http.ProviderHttp")
              .info("provider call fitbit GET example.test/v4/users/me -> 200");
          return new JobRun.Finished(JobStatus.SUCCEEDED, JobReport.empty());
        });

    fx.queue.send(
        OutgoingMessage.of(new SyncJobMessage("user-one", "job_1").toBody())
            .withAttribute(RequestSyncJob.CORRELATION_ATTRIBUTE, "req-corr-0001")
            .withAttribute("traceparent", TRACEPARENT));

    await("the job ended", () -> !ends(linesOf("job_1")).isEmpty());
    List<ILoggingEvent> job = linesOf("job_1");
    assertThat(job)
        .extracting(ILoggingEvent::getLoggerName)
        .contains(SyncWorkers.class.getName(), "com.syncwell.connector.http.ProviderHttp");
    assertThat(job)
        .allSatisfy(
            e -> {
              assertThat(e.getMDCPropertyMap())
                  .containsEntry(LogFields.CORRELATION_ID, "req-corr-0001")
                  .containsEntry(LogFields.USER, "user-one")
                  .containsKey(LogFields.JOB_RUN);
              assertThat(e.getFormattedMessage()).doesNotContain("user-one");
            });
    assertThat(ends(job))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getMDCPropertyMap())
                    .containsEntry(LogFields.JOB_OUTCOME, "SUCCEEDED"));
    assertThat(seen).containsEntry("traceId", "0af7651916cd43dd8448eb211c80319c");
  }

  @Test
  void a_message_without_a_correlation_id_is_logged_under_its_job_id() {
    start((message, worker) -> new JobRun.NotRun("already finished"));

    fx.queue.send(OutgoingMessage.of(new SyncJobMessage("u1", "job_2").toBody()));

    await("the job ended", () -> !ends(linesOf("job_2")).isEmpty());
    assertThat(linesOf("job_2"))
        .allSatisfy(
            e ->
                assertThat(e.getMDCPropertyMap()).containsEntry(LogFields.CORRELATION_ID, "job_2"));
    assertThat(ends(linesOf("job_2")).getFirst().getMDCPropertyMap())
        .containsEntry(LogFields.JOB_OUTCOME, "NOT_RUN");
  }

  @Test
  void a_failed_delivery_ends_its_run_as_retry_and_the_worker_thread_keeps_no_context() {
    Map<String, String> after = new ConcurrentHashMap<>();
    start(
        (message, worker) -> {
          throw new Transient("fitbit", "HTTP 503", null);
        });

    fx.queue.send(
        OutgoingMessage.of(new SyncJobMessage("u1", "job_3").toBody())
            .withAttribute(RequestSyncJob.CORRELATION_ATTRIBUTE, "corr-of-job-3"));

    await("the job ended", () -> !ends(linesOf("job_3")).isEmpty());
    assertThat(ends(linesOf("job_3")).getFirst().getMDCPropertyMap())
        .containsEntry(LogFields.JOB_OUTCOME, "RETRY")
        .containsEntry(LogFields.CORRELATION_ID, "corr-of-job-3");
    after.putAll(MDC.getCopyOfContextMap() == null ? Map.of() : MDC.getCopyOfContextMap());
    assertThat(after).doesNotContainKey(LogFields.JOB_ID);
  }

  @Test
  void the_trace_context_written_into_message_attributes_is_read_back() {
    Map<String, String> attributes =
        Map.of("traceparent", TRACEPARENT, RequestSyncJob.CORRELATION_ATTRIBUTE, "x-12345678");

    assertThat(
            Span.fromContext(MessageTraceContext.extract(attributes)).getSpanContext().getTraceId())
        .isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(MessageTraceContext.inject(MessageTraceContext.extract(attributes)))
        .containsEntry("traceparent", TRACEPARENT);
  }
}
