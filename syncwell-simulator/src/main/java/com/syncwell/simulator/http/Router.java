package com.syncwell.simulator.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds the first registered route matching a method and path, in registration order. */
public final class Router {
  private record Entry(Route route, List<String> segments) {}

  /** A matched route and its path parameters. */
  public record Match(Route route, Map<String, String> params) {}

  private final List<Entry> entries = new ArrayList<>();

  public Router add(Route route) {
    entries.add(new Entry(route, route.segments()));
    return this;
  }

  public Match match(String method, String path) {
    String[] segments = path.substring(1).split("/", -1);
    for (Entry entry : entries) {
      if (!entry.route.method().equals(method)) {
        continue;
      }
      Map<String, String> params = entry.route.match(segments, entry.segments);
      if (params != null) {
        return new Match(entry.route, params);
      }
    }
    return null;
  }
}
