package com.syncwell.api.http;

import java.util.Map;
import java.util.Set;

/** What the route table found for a method and path. */
public sealed interface RouteMatch {

  /** A route serves it. */
  record Found(Route route, Map<String, String> pathParams) implements RouteMatch {
    public Found {
      pathParams = Map.copyOf(pathParams);
    }
  }

  /** The path exists, the method does not: 405 with {@code Allow}. */
  record MethodNotAllowed(Set<String> allowed) implements RouteMatch {
    public MethodNotAllowed {
      allowed = Set.copyOf(allowed);
    }
  }

  /** No route has this path: 404. */
  record NotFound() implements RouteMatch {}
}
