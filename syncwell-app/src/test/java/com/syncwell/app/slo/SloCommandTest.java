package com.syncwell.app.slo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.syncwell.api.http.HttpMetrics;
import com.syncwell.app.cli.Commands;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code syncwell slo} against two nodes' metrics endpoints. */
class SloCommandTest {
  private final PrometheusMeterRegistry one = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final PrometheusMeterRegistry two = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private HttpServer server;
  private String base;

  @BeforeEach
  void serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/one", x -> reply(x, one));
    server.createContext("/two", x -> reply(x, two));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void reply(com.sun.net.httpserver.HttpExchange x, PrometheusMeterRegistry r)
      throws java.io.IOException {
    byte[] body = r.scrape().getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(200, body.length);
    x.getResponseBody().write(body);
    x.close();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void two_nodes_are_summed_into_one_view() {
    for (int i = 0; i < 999; i++) {
      new HttpMetrics(one).record("GET", "/v1/users/me", 200, Duration.ofMillis(2));
    }
    new HttpMetrics(two).record("GET", "/v1/users/me", 503, Duration.ofMillis(2));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        Commands.run(
            new String[] {"slo", "--metrics-url", base + "/one", "--metrics-url", base + "/two"},
            Map.of(),
            new PrintWriter(out),
            new PrintWriter(err));

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("99.900 %").contains("1000 requests, 1 5xx");
  }

  @Test
  void a_window_that_is_not_a_duration_is_a_one_line_usage_error() {
    StringWriter err = new StringWriter();

    int code =
        Commands.run(
            new String[] {"slo", "--metrics-url", base + "/one", "--window", "soon"},
            Map.of(),
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("syncwell slo: --window must be like");
  }
}
