package com.syncwell.engine.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP response kept for idempotent replay: status, content type ({@code ""} when the response
 * had none), the headers to replay (the caller chooses which, e.g. {@code Location}, {@code ETag})
 * and the body. Arrays and maps are copied in and out; equality is by content. {@link #toString}
 * names sizes only, never the body.
 *
 * <p>{@link IdempotencyStore} keeps a response whole only when it {@link #fitsWhole() fits}: a body
 * of at most {@link #MAX_BODY_BYTES} and headers of at most {@link #MAX_HEADER_BYTES}. Otherwise it
 * keeps the {@link #statusOnly status only}, and a replay answers with that status and no body; a
 * caller that cannot accept this checks {@link #fitsWhole()} before completing and releases the key
 * instead.
 */
public record StoredResponse(
    int status, String contentType, Map<String, String> headers, byte[] body) {
  /** The largest body kept whole: 64 KiB. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** The most header bytes (names and values, UTF-8) kept whole: 16 KiB. */
  public static final int MAX_HEADER_BYTES = 16 * 1024;

  public StoredResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100 to 599, was " + status);
    }
    Objects.requireNonNull(contentType, "contentType");
    Map<String, String> copy = new LinkedHashMap<>();
    Objects.requireNonNull(headers, "headers")
        .forEach(
            (name, value) ->
                copy.put(
                    Objects.requireNonNull(name, "header name"),
                    Objects.requireNonNull(value, () -> "value of header " + name)));
    headers = Collections.unmodifiableMap(copy);
    body = Objects.requireNonNull(body, "body").clone();
  }

  /** A response with {@code status}, no content type, no headers and an empty body. */
  public static StoredResponse statusOnly(int status) {
    return new StoredResponse(status, "", Map.of(), new byte[0]);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Whether {@link IdempotencyStore} keeps this response whole (otherwise its status only). */
  public boolean fitsWhole() {
    return body.length <= MAX_BODY_BYTES && headerBytes() <= MAX_HEADER_BYTES;
  }

  private int headerBytes() {
    int bytes = contentType.getBytes(StandardCharsets.UTF_8).length;
    for (var e : headers.entrySet()) {
      bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      bytes += e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredResponse r
        && status == r.status
        && contentType.equals(r.contentType)
        && headers.equals(r.headers)
        && Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, contentType, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "StoredResponse[status="
        + status
        + ", contentType="
        + contentType
        + ", "
        + headers.size()
        + " headers, "
        + body.length
        + " body bytes]";
  }
}
