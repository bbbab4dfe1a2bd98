package com.syncwell.app.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.Tag;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the registry's meters as CloudWatch Embedded Metric Format lines ({@code
 * SYNCWELL_METRICS=emf}): one JSON object per tag set, every {@link #EVERY} and once more at {@link
 * #close}. Counters and the counts and totals of timers are written as what was added since the
 * last line (CloudWatch sums them); gauges and maxima as they are; a meter with nothing new is left
 * out. Timer totals and maxima are milliseconds. The tags become the line's dimensions, so they are
 * the same closed sets as on {@code /metrics}.
 *
 * <p>Written with Jackson rather than aws-embedded-metrics: the registry already holds the values
 * and their tags, EMF is one documented JSON shape, and this keeps another client library (and its
 * own sinks and threads) out of the process. <b>Threading:</b> {@link #publish} is synchronized.
 */
public final class EmfPublisher implements AutoCloseable {
  public static final Duration EVERY = Duration.ofMinutes(1);
  public static final String NAMESPACE = "SyncWell";
  private static final Logger LOG = LoggerFactory.getLogger(EmfPublisher.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MeterRegistry registry;
  private final PrintStream out;
  private final Clock clock;
  private final Map<String, Double> lastTotals = new HashMap<>();
  private ScheduledExecutorService timer;

  public EmfPublisher(MeterRegistry registry, PrintStream out, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.out = Objects.requireNonNull(out, "out");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Publishes every {@link #EVERY} on a daemon thread until {@link #close}. */
  public synchronized EmfPublisher start() {
    if (timer != null) {
      throw new IllegalStateException("already started");
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("syncwell-emf").daemon().factory());
    long every = EVERY.toMillis();
    timer.scheduleWithFixedDelay(this::publishQuietly, every, every, TimeUnit.MILLISECONDS);
    return this;
  }

  private void publishQuietly() {
    try {
      publish();
    } catch (RuntimeException e) {
      LOG.warn("EMF publish failed ({})", e.getClass().getName());
    }
  }

  /** Writes one line per tag set with something to say; returns how many lines. */
  public synchronized int publish() {
    Map<List<Tag>, Map<String, Value>> byTags = new LinkedHashMap<>();
    for (Meter meter : registry.getMeters()) {
      Meter.Id id = meter.getId();
      Map<String, Value> values = new LinkedHashMap<>();
      for (Measurement m : meter.measure()) {
        Value v = value(id, meter.getId().getType(), m);
        if (v != null) {
          values.put(v.name, v);
        }
      }
      if (!values.isEmpty()) {
        byTags.computeIfAbsent(id.getTags(), t -> new LinkedHashMap<>()).putAll(values);
      }
    }
    long now = clock.millis();
    for (var entry : byTags.entrySet()) {
      out.println(line(now, entry.getKey(), entry.getValue().values()));
    }
    out.flush();
    return byTags.size();
  }

  private record Value(String name, String unit, double amount) {}

  private Value value(Meter.Id id, Meter.Type type, Measurement m) {
    Statistic s = m.getStatistic();
    double amount = m.getValue();
    if (Double.isNaN(amount) || Double.isInfinite(amount)) {
      return null;
    }
    boolean time = s == Statistic.TOTAL_TIME || (type == Meter.Type.TIMER && s == Statistic.MAX);
    String unit = time ? "Milliseconds" : s == Statistic.COUNT ? "Count" : "None";
    double scale = time ? 1000.0 : 1.0; // the Prometheus registry's base unit is seconds
    String name =
        switch (s) {
          case COUNT -> type == Meter.Type.COUNTER ? id.getName() : id.getName() + ".count";
          case TOTAL, TOTAL_TIME -> id.getName() + ".sum";
          case MAX -> id.getName() + ".max";
          default -> id.getName();
        };
    if (s == Statistic.COUNT || s == Statistic.TOTAL || s == Statistic.TOTAL_TIME) {
      String key = name + id.getTags();
      double before = lastTotals.getOrDefault(key, 0.0);
      lastTotals.put(key, amount);
      double delta = amount - before;
      return delta <= 0 ? null : new Value(name, unit, delta * scale);
    }
    if (s == Statistic.MAX && amount == 0) {
      return null;
    }
    return new Value(name, unit, amount * scale);
  }

  private static String line(long now, List<Tag> tags, Iterable<Value> values) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode aws = root.putObject("_aws");
    aws.put("Timestamp", now);
    ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
    directive.put("Namespace", NAMESPACE);
    ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
    ArrayNode metrics = directive.putArray("Metrics");
    for (Tag tag : tags) {
      dimensionSet.add(tag.getKey());
      root.put(tag.getKey(), tag.getValue());
    }
    for (Value v : values) {
      metrics.addObject().put("Name", v.name).put("Unit", v.unit);
      root.put(v.name, v.amount);
    }
    return root.toString();
  }

  /** Stops the schedule and publishes what is left. */
  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
    publishQuietly();
  }
}
