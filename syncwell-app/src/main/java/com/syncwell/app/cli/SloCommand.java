package com.syncwell.app.cli;

import com.syncwell.app.slo.PrometheusText;
import com.syncwell.app.slo.SloInputs;
import com.syncwell.app.slo.SloReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code syncwell slo}: the SLO view over running nodes' {@code /metrics}. */
@Command(
    name = "slo",
    mixinStandardHelpOptions = true,
    description = {
      "SLO view: API availability (non-5xx share on /v1/**), API p99 latency, hot-path success",
      "(sync jobs not dead-lettered) and the error-budget burn rates against 99.95 % and 99.9 %,",
      "computed from the Prometheus metrics of one or more running nodes (summed).",
      "Without --window: since the nodes started. With --window: reads the metrics, waits that",
      "long, reads them again and reports the difference."
    })
final class SloCommand implements Callable<Integer> {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Spec CommandSpec spec;

  @Option(
      names = "--metrics-url",
      required = true,
      paramLabel = "URL",
      description = "A node's metrics, e.g. http://127.0.0.1:8080/metrics (repeatable).")
  List<URI> urls;

  @Option(
      names = "--window",
      paramLabel = "DURATION",
      description = "How long to observe, e.g. 30s, 5m, 1h or PT5M.")
  String window;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Optional<Duration> span;
    try {
      span = Optional.ofNullable(window).map(SloCommand::duration);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("syncwell slo: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    for (URI url : urls) {
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
        spec.commandLine().getErr().println("syncwell slo: --metrics-url must be http or https");
        return ExitCodes.USAGE;
      }
    }
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
      List<SloInputs> first = scrapeAll(http);
      SloInputs inputs = SloInputs.none();
      if (span.isPresent()) {
        Thread.sleep(span.get());
        List<SloInputs> second = scrapeAll(http);
        for (int i = 0; i < second.size(); i++) {
          inputs = inputs.plus(second.get(i).since(first.get(i)));
        }
      } else {
        for (SloInputs node : first) {
          inputs = inputs.plus(node);
        }
      }
      SloReport.of(inputs, span).print(spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  private List<SloInputs> scrapeAll(HttpClient http) throws IOException, InterruptedException {
    List<SloInputs> nodes = new ArrayList<>();
    for (URI url : urls) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException(url + " answered " + r.statusCode());
      }
      nodes.add(SloInputs.from(PrometheusText.parse(r.body())));
    }
    return nodes;
  }

  /** {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d} or an ISO-8601 duration; positive. */
  static Duration duration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Duration d;
    try {
      if (t.startsWith("p")) {
        d = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
      } else {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        d =
            switch (t.charAt(t.length() - 1)) {
              case 's' -> Duration.ofSeconds(n);
              case 'm' -> Duration.ofMinutes(n);
              case 'h' -> Duration.ofHours(n);
              case 'd' -> Duration.ofDays(n);
              default -> throw new IllegalArgumentException("bad unit");
            };
      }
    } catch (DateTimeParseException | IndexOutOfBoundsException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--window must be like 30s, 5m, 1h, 1d or PT5M, was " + text);
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("--window must be positive, was " + text);
    }
    return d;
  }
}
