package com.syncwell.api.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete response: status, optional content type, headers and body bytes. Handlers build them;
 * the pipeline adds its own headers (correlation id, rate limits) on the way out.
 */
public record ApiResponse(
    int status, Optional<String> contentType, Map<String, String> headers, byte[] body) {
  public static final String JSON = "application/json";
  public static final String PROBLEM_JSON = "application/problem+json";

  public ApiResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status " + status);
    }
    Objects.requireNonNull(contentType, "contentType");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    body = body.clone();
  }

  /** A JSON body. */
  public static ApiResponse json(int status, byte[] body) {
    return new ApiResponse(status, Optional.of(JSON), Map.of(), body);
  }

  /** A JSON body rendered from {@code value} with the API's mapper. */
  public static ApiResponse json(int status, Object value) {
    return json(status, Json.write(value));
  }

  /** No body (204 and friends). */
  public static ApiResponse empty(int status) {
    return new ApiResponse(status, Optional.empty(), Map.of(), new byte[0]);
  }

  /** A copy with header {@code name} set to {@code value} (replacing an earlier one). */
  public ApiResponse withHeader(String name, String value) {
    return withHeaders(Collections.singletonMap(name, value));
  }

  /** A copy with every header of {@code extra} set (each replacing an earlier one, any case). */
  public ApiResponse withHeaders(Map<String, String> extra) {
    if (extra.isEmpty()) {
      return this;
    }
    LinkedHashMap<String, String> copy = new LinkedHashMap<>(headers);
    for (Map.Entry<String, String> e : extra.entrySet()) {
      copy.keySet().removeIf(n -> n.equalsIgnoreCase(e.getKey()));
      copy.put(e.getKey(), e.getValue());
    }
    return new ApiResponse(status, contentType, copy, body);
  }

  /** The value of header {@code name}, any case. */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body's size in bytes, without copying it. */
  public int bodyLength() {
    return body.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiResponse r
        && status == r.status
        && contentType.equals(r.contentType)
        && headers.equals(r.headers)
        && java.util.Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, contentType, headers, java.util.Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "ApiResponse[" + status + ", " + contentType.orElse("-") + ", " + body.length + " B]";
  }
}
