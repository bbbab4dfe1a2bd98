package com.syncwell.simulator.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A provider route: method and path template, e.g. {@code GET
 * /strava/api/v3/activities/{id}/streams}. A segment is a literal, a {@code {name}} parameter
 * (never containing {@code :}), or {@code {name}:verb} (Google's custom methods).
 */
public record Route(
    String provider, String method, String template, Access access, RouteHandler handler) {

  public Route {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(handler, "handler");
  }

  List<String> segments() {
    return List.of(template.substring(1).split("/", -1));
  }

  /** The path parameters when {@code path} matches, else null. */
  Map<String, String> match(String[] pathSegments, List<String> templateSegments) {
    if (pathSegments.length != templateSegments.size()) {
      return null;
    }
    Map<String, String> params = null;
    for (int i = 0; i < pathSegments.length; i++) {
      String t = templateSegments.get(i);
      String p = pathSegments[i];
      if (t.startsWith("{")) {
        int close = t.indexOf('}');
        String name = t.substring(1, close);
        String suffix = t.substring(close + 1);
        String value;
        if (suffix.isEmpty()) {
          if (p.isEmpty() || p.indexOf(':') >= 0) {
            return null;
          }
          value = p;
        } else {
          if (!p.endsWith(suffix) || p.length() == suffix.length()) {
            return null;
          }
          value = p.substring(0, p.length() - suffix.length());
        }
        if (params == null) {
          params = new java.util.HashMap<>(4);
        }
        params.put(name, value);
      } else if (!t.equals(p)) {
        return null;
      }
    }
    return params == null ? Map.of() : params;
  }
}
