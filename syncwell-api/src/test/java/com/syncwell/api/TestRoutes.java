package com.syncwell.api;

import com.syncwell.api.http.ApiResponse;
import com.syncwell.api.http.CorrelationIds;
import com.syncwell.api.http.Route;
import com.syncwell.engine.port.StorageFailure;
import java.util.List;
import java.util.Map;

/** Routes that exist only in tests: a strict JSON echo and handlers that fail on purpose. */
final class TestRoutes {
  private TestRoutes() {}

  record Nested(String value) {}

  record Echo(String name, Integer count, Boolean flag, Nested nested, List<Integer> numbers) {}

  static List<Route> all() {
    return List.of(
        Route.user("POST", "/v1/test/echo", r -> ApiResponse.json(200, r.bodyAs(Echo.class))),
        Route.user(
            "GET",
            "/v1/test/store-down",
            r -> {
              throw new StorageFailure(
                  "com.syncwell.store exploded", new java.sql.SQLException("java.sql secret"));
            }),
        Route.user(
            "GET",
            "/v1/test/bug",
            r -> {
              throw new IllegalStateException("com.syncwell.Secret java.lang.NullPointerException");
            }),
        Route.open("GET", "/v1/test/open", r -> ApiResponse.json(200, Map.of("ok", true))),
        Route.user("GET", "/v1/test/me", r -> ApiResponse.json(200, Map.of("user", r.user()))),
        Route.open(
            "GET",
            "/v1/test/mdc",
            r ->
                ApiResponse.json(
                    200,
                    Map.of(
                        "mdc",
                        String.valueOf(org.slf4j.MDC.get(CorrelationIds.MDC_KEY)),
                        "request",
                        r.correlationId()))));
  }
}
