package com.syncwell.api.webhook;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A webhook request as received: method, query parameters, headers (names case-insensitive) and the
 * raw body bytes, which signatures are computed over.
 */
public record WebhookRequest(
    String method,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    byte[] body,
    String correlationId) {

  public WebhookRequest {
    Objects.requireNonNull(method, "method");
    query = Map.copyOf(query);
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
    headers = java.util.Collections.unmodifiableMap(h);
    body = body.clone();
    Objects.requireNonNull(correlationId, "correlationId");
    method = method.toUpperCase(Locale.ROOT);
  }

  /** The first value of header {@code name}, any case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The first value of query parameter {@code name}. */
  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
