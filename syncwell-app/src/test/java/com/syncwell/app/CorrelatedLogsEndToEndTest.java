package com.syncwell.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.app.logging.JobSamplingAppender;
import com.syncwell.app.trace.Tracing;
import com.syncwell.engine.log.LogFields;
import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatorOptions;
import com.syncwell.simulator.oauth.OAuthClient;
import com.syncwell.testkit.LogCanaries;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue #7's acceptance: a request's correlation id appears in the API log line, the worker's job
 * log lines and the provider-call log lines of the job it caused; one trace runs from the request
 * through the queue to the provider calls. The flow runs with planted secrets ({@link LogCanaries})
 * that the build's log scan looks for afterwards.
 */
class CorrelatedLogsEndToEndTest {
  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final String CORRELATION = "acceptance-corr-0001";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final Clock clock = Clock.systemUTC();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<SpanData> spans = new CopyOnWriteArrayList<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> lines =
      new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
          event.prepareForDeferredProcessing();
          super.append(event);
        }
      };
  private ProviderSimulator simulator;
  private EmbeddedRun run;
  private String base;
  private String token;

  @BeforeEach
  void start() throws IOException {
    GlobalOpenTelemetry.resetForTest();
    GlobalOpenTelemetry.set(Tracing.sdk(SimpleSpanProcessor.create(new Collect()), "test"));
    lines.setContext(root.getLoggerContext());
    lines.start();
    root.addAppender(lines);

    SimulatorOptions defaults = SimulatorOptions.defaults();
    simulator =
        ProviderSimulator.start(
            new SimulatorOptions(
                defaults.port(),
                defaults.clock(),
                defaults.seed(),
                new OAuthClient(
                    defaults.fitbitClient().clientId(), LogCanaries.FITBIT_CLIENT_SECRET),
                new OAuthClient(
                    defaults.stravaClient().clientId(), LogCanaries.STRAVA_CLIENT_SECRET),
                defaults.stravaLimits(),
                defaults.googleRequestsPerUserPerMinute(),
                defaults.uploadPollsUntilReady(),
                defaults.fitbitWebhookSecret(),
                LogCanaries.STRAVA_VERIFY_TOKEN,
                defaults.stravaSubscriptionId(),
                defaults.fitbitWebhookUrl(),
                defaults.stravaWebhookUrl(),
                defaults.stravaDuplicateErrorAsLink(),
                defaults.keepUploadedStreams()));
    run = EmbeddedRun.start(dir, simulator, Map.of(), "e2e-logs");
    base = run.base();
    token = run.token(LogCanaries.USER_ID);
    Path canaries = Path.of("target", LogCanaries.RUNTIME_FILE);
    Files.createDirectories(canaries.getParent());
    Files.writeString(canaries, token + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @AfterEach
  void stop() {
    run.close();
    simulator.close();
    root.detachAppender(lines);
    GlobalOpenTelemetry.resetForTest();
  }

  @Test
  void a_requests_correlation_id_and_trace_reach_its_api_line_its_job_and_the_jobs_provider_calls()
      throws Exception {
    String configId = connectedConfig();
    spans.clear();

    String jobId = runJob(configId);

    assertCorrelatedLines(jobId);
    assertOneTrace(jobId);
  }

  private void assertCorrelatedLines(String jobId) throws Exception {
    List<ILoggingEvent> all = List.copyOf(lines.list);
    List<ILoggingEvent> correlated =
        all.stream()
            .filter(e -> CORRELATION.equals(e.getMDCPropertyMap().get(LogFields.CORRELATION_ID)))
            .toList();
    assertThat(correlated)
        .as("the API's access line")
        .anySatisfy(
            e -> {
              assertThat(e.getLoggerName()).isEqualTo("com.syncwell.api.access");
              assertThat(e.getFormattedMessage()).isEqualTo(accessLineOf(e));
            });
    assertThat(correlated)
        .as("the API's job request line")
        .anySatisfy(
            e -> assertThat(e.getFormattedMessage()).contains("sync job " + jobId + " requested"));
    List<ILoggingEvent> jobLines =
        correlated.stream()
            .filter(e -> jobId.equals(e.getMDCPropertyMap().get(LogFields.JOB_ID)))
            .toList();
    assertThat(jobLines)
        .extracting(ILoggingEvent::getLoggerName)
        .as("the worker's job lines and the job's provider calls")
        .contains(
            "com.syncwell.engine.worker.SyncWorkers",
            "com.syncwell.engine.log.JobLogScope",
            "com.syncwell.connector.http.ProviderHttp");
    assertThat(jobLines)
        .filteredOn(e -> e.getLoggerName().endsWith("ProviderHttp"))
        .extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(m -> assertThat(m).startsWith("provider call fitbit GET "))
        .anySatisfy(m -> assertThat(m).startsWith("provider call strava "));
    assertThat(all)
        .as("every line of the job carries the request's correlation id")
        .filteredOn(e -> jobId.equals(e.getMDCPropertyMap().get(LogFields.JOB_ID)))
        .hasSameSizeAs(jobLines);

    JsonNode providerLine =
        JSON.readTree(
            encode(
                jobLines.stream()
                    .filter(e -> e.getLoggerName().endsWith("ProviderHttp"))
                    .findFirst()
                    .orElseThrow()));
    assertThat(providerLine.get("correlationId").asText()).isEqualTo(CORRELATION);
    assertThat(providerLine.get("jobId").asText()).isEqualTo(jobId);
    assertThat(providerLine.get("userRef").asText()).startsWith("u_");
    assertThat(providerLine.toString()).doesNotContain(LogCanaries.USER_ID);
  }

  private void assertOneTrace(String jobId) {
    SpanData request = span(SpanKind.SERVER, "POST /v1/sync-jobs");
    SpanData enqueue = span(SpanKind.PRODUCER, "enqueue sync job");
    SpanData job =
        spans.stream()
            .filter(s -> s.getKind() == SpanKind.CONSUMER)
            .filter(
                s ->
                    jobId.equals(
                        s.getAttributes().asMap().entrySet().stream()
                            .filter(a -> a.getKey().getKey().equals("syncwell.job_id"))
                            .map(a -> String.valueOf(a.getValue()))
                            .findFirst()
                            .orElse(null)))
            .findFirst()
            .orElseThrow();
    List<SpanData> calls =
        spans.stream()
            .filter(s -> s.getKind() == SpanKind.CLIENT)
            .filter(s -> s.getParentSpanId().equals(job.getSpanId()))
            .toList();

    assertThat(enqueue.getParentSpanId()).isEqualTo(request.getSpanId());
    assertThat(job.getParentSpanId()).isEqualTo(enqueue.getSpanId());
    assertThat(List.of(request.getTraceId(), enqueue.getTraceId(), job.getTraceId()))
        .containsOnly(request.getTraceId());
    assertThat(calls)
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.getTraceId()).isEqualTo(request.getTraceId()));
    assertThat(calls).extracting(SpanData::getName).anyMatch(n -> n.startsWith("fitbit "));
  }

  private SpanData span(SpanKind kind, String name) {
    return spans.stream()
        .filter(s -> s.getKind() == kind && s.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " span " + name + " in " + spans));
  }

  private static String accessLineOf(ILoggingEvent e) {
    return e.getFormattedMessage().startsWith("POST /v1/sync-jobs -> 202 in ")
        ? e.getFormattedMessage()
        : "POST /v1/sync-jobs -> 202 in … ms";
  }

  private String encode(ILoggingEvent event) {
    JobSamplingAppender sampled = (JobSamplingAppender) root.getAppender("SAMPLED");
    OutputStreamAppender<ILoggingEvent> json =
        (OutputStreamAppender<ILoggingEvent>) sampled.getAppender("JSON");
    return new String(json.getEncoder().encode(event), StandardCharsets.UTF_8);
  }

  private String connectedConfig() throws Exception {
    return user().connectWorkoutRoute(base, "e2e-logs-alice").configId();
  }

  private String runJob(String configId) throws Exception {
    HttpResponse<String> accepted =
        send(
            "POST",
            "/v1/sync-jobs",
            "{\"syncConfigId\":\"" + configId + "\"}",
            Map.of("Idempotency-Key", "logs-run-1", "X-Correlation-Id", CORRELATION));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.headers().firstValue("X-Correlation-Id")).contains(CORRELATION);
    String jobId = JSON.readTree(accepted.body()).path("jobId").asText();
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode job = call("GET", "/v1/sync-jobs/" + jobId, null, 200);
      if (job.path("status").asText().equals("SUCCEEDED")) {
        awaitRunEnd(jobId);
        return jobId;
      }
      assertThat(job.path("status").asText()).isIn("QUEUED", "RUNNING");
      TimeUnit.MILLISECONDS.sleep(250); // polling the job with a bound (the user rate limit)
    }
    throw new AssertionError("job " + jobId + " did not succeed within " + BOUND);
  }

  /** The job is SUCCEEDED in the store a moment before its worker logs the run's end. */
  private void awaitRunEnd(String jobId) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (System.nanoTime() < deadline) {
      boolean ended =
          List.copyOf(lines.list).stream()
              .anyMatch(
                  e ->
                      jobId.equals(e.getMDCPropertyMap().get(LogFields.JOB_ID))
                          && e.getMarkerList() != null
                          && e.getMarkerList().contains(LogFields.JOB_END));
      if (ended) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(10); // bounded polling
    }
    throw new AssertionError("the run of " + jobId + " never logged its end");
  }

  private ApiUser user() {
    return new ApiUser(token, http);
  }

  private JsonNode call(String method, String path, String body, int expected)
      throws IOException, InterruptedException {
    return user().call(base, method, path, body, expected);
  }

  private HttpResponse<String> send(
      String method, String path, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    return user().sendWith(base, method, path, body, headers);
  }

  /** Keeps every finished span in memory. */
  private final class Collect implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> finished) {
      spans.addAll(finished);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
