package com.syncwell.simulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Call, byte and throttling counters per provider and route template; webhook deliveries too. */
public final class Stats {
  private static final class Counter {
    final LongAdder calls = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder throttled = new LongAdder();
    final LongAdder errors = new LongAdder();
  }

  private final Map<String, Map<String, Counter>> counters = new ConcurrentHashMap<>();

  public void record(String provider, String routeKey, int status, long responseBytes) {
    Counter c =
        counters
            .computeIfAbsent(provider, p -> new ConcurrentHashMap<>())
            .computeIfAbsent(routeKey, r -> new Counter());
    c.calls.increment();
    c.bytes.add(responseBytes);
    if (status == 429) {
      c.throttled.increment();
    } else if (status >= 400) {
      c.errors.increment();
    }
  }

  /** Total calls of a provider (tests and the demo use it). */
  public long calls(String provider) {
    Map<String, Counter> routes = counters.get(provider);
    return routes == null ? 0 : routes.values().stream().mapToLong(c -> c.calls.sum()).sum();
  }

  public void reset() {
    counters.clear();
  }

  public ObjectNode toJson() {
    ObjectNode root = Json.object();
    new TreeMap<>(counters)
        .forEach(
            (provider, routes) -> {
              ObjectNode p = root.putObject(provider);
              long calls = 0;
              long bytes = 0;
              long throttled = 0;
              ObjectNode byRoute = p.putObject("routes");
              for (Map.Entry<String, Counter> e : new TreeMap<>(routes).entrySet()) {
                Counter c = e.getValue();
                ObjectNode r = byRoute.putObject(e.getKey());
                r.put("calls", c.calls.sum());
                r.put("responseBytes", c.bytes.sum());
                r.put("throttled", c.throttled.sum());
                r.put("errors", c.errors.sum());
                calls += c.calls.sum();
                bytes += c.bytes.sum();
                throttled += c.throttled.sum();
              }
              p.put("calls", calls);
              p.put("responseBytes", bytes);
              p.put("throttled", throttled);
            });
    return root;
  }
}
