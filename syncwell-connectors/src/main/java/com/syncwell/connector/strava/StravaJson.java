package com.syncwell.connector.strava;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.connector.Permanent;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reading Strava's JSON. Ids are read as their exact digits (they exceed 2^53 and even int64),
 * never through a double.
 */
final class StravaJson {
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private StravaJson() {}

  static JsonNode parse(String provider, byte[] body, String what) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new Permanent(provider, what + " is empty", null);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new Permanent(provider, what + " is not valid JSON", e);
    } catch (java.io.IOException e) {
      throw new Permanent(provider, what + " could not be read", e);
    }
  }

  /** A text field, empty when absent, null or blank. */
  static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || !v.isValueNode()) {
      return Optional.empty();
    }
    String s = v.asText();
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /** An integral id as its exact decimal digits (from a number or a string). */
  static Optional<String> id(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isIntegralNumber()) {
      return Optional.of(v.bigIntegerValue().toString());
    }
    if (v.isTextual() && v.asText().matches("\\d{1,40}")) {
      return Optional.of(v.asText());
    }
    return Optional.empty();
  }

  static OptionalDouble number(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue())) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(v.doubleValue());
  }

  static OptionalLong whole(JsonNode node, String field) {
    OptionalDouble d = number(node, field);
    return d.isPresent() ? OptionalLong.of(Math.round(d.getAsDouble())) : OptionalLong.empty();
  }
}
