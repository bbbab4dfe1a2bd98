package com.syncwell.engine.port.queue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A message to send: a non-empty body, up to {@link #MAX_ATTRIBUTES} string attributes (correlation
 * id, trace context) and a delivery delay of 0 to 15 minutes. Body and attributes together are at
 * most {@link #MAX_SIZE_BYTES} (256 KiB) of UTF-8, as in SQS.
 */
public record OutgoingMessage(String body, Map<String, String> attributes, Duration delay) {
  public static final int MAX_SIZE_BYTES = 256 * 1024;
  public static final int MAX_ATTRIBUTES = 10;
  public static final Duration MAX_DELAY = Duration.ofMinutes(15);
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");

  public OutgoingMessage {
    Objects.requireNonNull(body, "body");
    if (body.isEmpty()) {
      throw new IllegalArgumentException("message body must not be empty");
    }
    Objects.requireNonNull(attributes, "attributes");
    if (attributes.size() > MAX_ATTRIBUTES) {
      throw new IllegalArgumentException(
          "message has " + attributes.size() + " attributes; the limit is " + MAX_ATTRIBUTES);
    }
    Map<String, String> copy = new LinkedHashMap<>();
    long size = utf8(body);
    for (var e : attributes.entrySet()) {
      if (e.getKey() == null || !ATTRIBUTE_NAME.matcher(e.getKey()).matches()) {
        throw new IllegalArgumentException(
            "message attribute name must be 1 to 256 of A-Z a-z 0-9 _ . -");
      }
      Objects.requireNonNull(e.getValue(), () -> "value of message attribute " + e.getKey());
      size += utf8(e.getKey()) + utf8(e.getValue());
      copy.put(e.getKey(), e.getValue());
    }
    if (size > MAX_SIZE_BYTES) {
      throw new IllegalArgumentException(
          "message is " + size + " bytes with its attributes; the limit is " + MAX_SIZE_BYTES);
    }
    attributes = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
      throw new IllegalArgumentException("message delay must be 0 to 15 minutes, was " + delay);
    }
  }

  public static OutgoingMessage of(String body) {
    return new OutgoingMessage(body, Map.of(), Duration.ZERO);
  }

  public OutgoingMessage withAttribute(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(attributes);
    more.put(name, value);
    return new OutgoingMessage(body, more, delay);
  }

  public OutgoingMessage withDelay(Duration newDelay) {
    return new OutgoingMessage(body, attributes, newDelay);
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
