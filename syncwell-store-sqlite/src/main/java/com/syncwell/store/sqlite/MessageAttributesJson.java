package com.syncwell.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.engine.port.StorageFailure;
import java.util.Map;

/** Message attributes as a JSON object in one column; NULL when a message has none. */
final class MessageAttributesJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  private MessageAttributesJson() {}

  static String encode(Map<String, String> attributes) {
    if (attributes.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(attributes);
    } catch (JsonProcessingException e) {
      throw new StorageFailure("cannot encode message attributes", e);
    }
  }

  static Map<String, String> decode(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new StorageFailure("stored message attributes are not a JSON object of strings", e);
    }
  }
}
