package com.syncwell.connector.fitbit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.connector.Permanent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Reading the Google Health API's JSON: int64 values as strings, durations as {@code "900s"}, UTC
 * offsets as durations, {@code Date} objects. What does not parse is {@link Permanent}.
 */
final class GoogleJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String PROVIDER = "fitbit";
  private static final Pattern DURATION = Pattern.compile("-?\\d+(\\.\\d+)?s");

  private GoogleJson() {}

  static JsonNode parse(byte[] body, String what) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode() || !node.isObject()) {
        throw new Permanent(PROVIDER, what + ": the answer is not a JSON object", null);
      }
      return node;
    } catch (IOException e) {
      throw new Permanent(PROVIDER, what + ": malformed JSON", e);
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  static Permanent malformed(String what, RuntimeException cause) {
    return new Permanent(
        PROVIDER, what + ": unexpected payload (" + cause.getClass().getSimpleName() + ")", cause);
  }

  /** A required text member. */
  static String text(JsonNode parent, String field) {
    JsonNode n = parent.path(field);
    if (!n.isValueNode() || n.asText().isEmpty()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return n.asText();
  }

  static Optional<String> optionalText(JsonNode parent, String field) {
    JsonNode n = parent.path(field);
    return n.isValueNode() && !n.asText().isEmpty() ? Optional.of(n.asText()) : Optional.empty();
  }

  /** An int64 that arrives as a JSON string (or, leniently, a number). */
  static long int64(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isTextual()) {
      return Long.parseLong(node.asText().strip());
    }
    if (node.isNumber()) {
      return Math.round(node.asDouble());
    }
    throw new IllegalArgumentException("not an int64");
  }

  /** The first present numeric member among {@code names} (doubles; strings accepted). */
  static OptionalDouble number(JsonNode parent, String... names) {
    for (String name : names) {
      JsonNode n = parent.path(name);
      if (n.isNumber()) {
        return OptionalDouble.of(n.asDouble());
      }
      if (n.isTextual() && !n.asText().isBlank()) {
        return OptionalDouble.of(Double.parseDouble(n.asText().strip()));
      }
    }
    return OptionalDouble.empty();
  }

  /** {@code "900s"} or {@code "-18000s"} (fractions allowed). */
  static Duration duration(String value) {
    if (!DURATION.matcher(value).matches()) {
      throw new IllegalArgumentException("not a duration");
    }
    double seconds = Double.parseDouble(value.substring(0, value.length() - 1));
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  static String duration(Duration d) {
    return d.toSeconds() + "s";
  }

  static ZoneOffset offset(JsonNode parent, String field) {
    Optional<String> v = optionalText(parent, field);
    return v.map(s -> ZoneOffset.ofTotalSeconds((int) duration(s).toSeconds()))
        .orElse(ZoneOffset.UTC);
  }

  static String offset(ZoneOffset o) {
    return o.getTotalSeconds() + "s";
  }

  /** A physical time with the offset member beside it (UTC when absent). */
  static OffsetDateTime time(JsonNode parent, String timeField, String offsetField) {
    Instant t = Instant.parse(text(parent, timeField));
    return t.atOffset(offset(parent, offsetField));
  }

  /** A {@code google.type.Date} object. */
  static LocalDate date(JsonNode date) {
    return LocalDate.of(
        date.path("year").asInt(), date.path("month").asInt(), date.path("day").asInt());
  }

  /** The last segment of a resource name ({@code users/…/dataPoints/123} → {@code 123}). */
  static String lastSegment(String name) {
    int slash = name.lastIndexOf('/');
    String id = name.substring(slash + 1);
    if (id.isEmpty()) {
      throw new IllegalArgumentException("empty resource id");
    }
    return id;
  }
}
