package com.syncwell.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One HTTP answer: status, content type, body bytes and extra headers. */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
  public static final String JSON = "application/json; charset=utf-8";

  public Reply {
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  public static Reply json(int status, byte[] body) {
    return new Reply(status, JSON, body, Map.of());
  }

  public static Reply json(int status, Object value) {
    return json(status, Json.bytes(value));
  }

  public static Reply text(int status, String contentType, String body) {
    return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public static Reply empty(int status) {
    return new Reply(status, null, new byte[0], Map.of());
  }

  public static Reply redirect(String location) {
    return new Reply(302, null, new byte[0], Map.of("Location", location));
  }

  /** This reply with one more header. */
  public Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, contentType, body, more);
  }
}
