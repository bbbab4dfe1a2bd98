package com.syncwell.api.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request that passed the pipeline, as a handler sees it.
 *
 * @param route the matched route
 * @param pathParams decoded path parameters by template name
 * @param body the whole body (at most 64 KiB)
 * @param userId the verified user, for {@link Route.Access#USER} routes; never from the request
 *     itself
 * @param clientAddress the client IP as resolved through trusted proxies
 * @param responseRecord where the handler may record its answer inside its own commit ({@link
 *     ResponseRecord#NONE} unless the request holds an {@code Idempotency-Key})
 */
public record ApiRequest(
    Route route,
    String rawPath,
    Map<String, String> pathParams,
    Map<String, List<String>> query,
    Headers headers,
    byte[] body,
    String correlationId,
    Optional<String> userId,
    String clientAddress,
    ResponseRecord responseRecord) {
  public ApiRequest {
    Objects.requireNonNull(route, "route");
    pathParams = Map.copyOf(pathParams);
    query = Map.copyOf(query);
    Objects.requireNonNull(headers, "headers");
    body = body.clone();
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(responseRecord, "responseRecord");
  }

  /** This request with {@code record} as the place for its answer. */
  public ApiRequest withResponseRecord(ResponseRecord record) {
    return new ApiRequest(
        route,
        rawPath,
        pathParams,
        query,
        headers,
        body,
        correlationId,
        userId,
        clientAddress,
        record);
  }

  public String method() {
    return route.method();
  }

  /** The verified user id; only on user routes. */
  public String user() {
    return userId.orElseThrow(() -> new IllegalStateException("not a user route: " + route));
  }

  public String pathParam(String name) {
    String v = pathParams.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no path parameter " + name + " in " + route);
    }
    return v;
  }

  public Optional<String> queryParam(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  public Optional<String> header(String name) {
    return headers.first(name);
  }

  /** The body parsed strictly as {@code type}; 400 problems on any mismatch. */
  public <T> T bodyAs(Class<T> type) {
    return Json.read(body, type);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public String toString() {
    return "ApiRequest[" + route + ", " + correlationId + "]";
  }
}
