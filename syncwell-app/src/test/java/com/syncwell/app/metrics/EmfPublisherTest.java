package com.syncwell.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.api.http.HttpMetrics;
import com.syncwell.testkit.MutableClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CloudWatch EMF lines from the registry: dimensions from tags, deltas for counters. */
class EmfPublisherTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final MutableClock clock = MutableClock.startingAtNewYear();
  private final EmfPublisher emf =
      new EmfPublisher(registry, new PrintStream(bytes, true, StandardCharsets.UTF_8), clock);

  private List<JsonNode> lines() throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        nodes.add(JSON.readTree(line));
      }
    }
    bytes.reset();
    return nodes;
  }

  @Test
  void a_counter_is_written_as_what_was_added_since_the_last_line_with_its_tags_as_dimensions()
      throws Exception {
    Counter c =
        Counter.builder("syncwell.provider.calls").tag("provider", "strava").register(registry);
    c.increment(5);
    emf.publish();
    JsonNode first = lines().getFirst();
    c.increment(2);
    emf.publish();
    JsonNode second = lines().getFirst();
    emf.publish();

    assertThat(first.path("_aws").path("Timestamp").asLong()).isEqualTo(clock.millis());
    JsonNode directive = first.path("_aws").path("CloudWatchMetrics").get(0);
    assertThat(directive.path("Namespace").asText()).isEqualTo("SyncWell");
    assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"provider\"]]");
    assertThat(directive.path("Metrics").get(0).path("Name").asText())
        .isEqualTo("syncwell.provider.calls");
    assertThat(first.path("provider").asText()).isEqualTo("strava");
    assertThat(first.path("syncwell.provider.calls").asDouble()).isEqualTo(5);
    assertThat(second.path("syncwell.provider.calls").asDouble()).isEqualTo(2);
    assertThat(lines()).isEmpty(); // nothing new, nothing written
  }

  @Test
  void a_timer_is_written_as_count_sum_and_max_in_milliseconds() throws Exception {
    new HttpMetrics(registry).record("GET", "/v1/users/me", 200, Duration.ofMillis(40));
    new HttpMetrics(registry).record("GET", "/v1/users/me", 200, Duration.ofMillis(60));

    emf.publish();
    JsonNode line = lines().getFirst();

    assertThat(line.path("route").asText()).isEqualTo("/v1/users/me");
    assertThat(line.path("syncwell.http.requests").asDouble()).isEqualTo(2);
    assertThat(line.path("syncwell.http.request.duration.count").asDouble()).isEqualTo(2);
    assertThat(line.path("syncwell.http.request.duration.sum").asDouble()).isEqualTo(100.0);
    assertThat(line.path("syncwell.http.request.duration.max").asDouble()).isEqualTo(60.0);
  }
}
