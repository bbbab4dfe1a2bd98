package com.syncwell.api.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.testkit.ProviderFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Google Health API notification bodies, made from the documented example. */
final class GoogleNotifications {
  static final String FIXTURE = "google-health/webhook-notification.docs-example.json";
  static final String VERIFICATION = "google-health/webhook-verification-body.docs-example.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GoogleNotifications() {}

  /** The documented notification, byte for byte. */
  static byte[] documented() {
    return ProviderFixtures.bytes(FIXTURE);
  }

  /** The documented notification for another account, data type and operation. */
  static byte[] change(String healthUserId, String operation, String dataType) {
    ObjectNode root = fixture();
    ObjectNode data = (ObjectNode) root.path("data");
    data.put("clientProvidedSubscriptionName", UUID.randomUUID().toString());
    data.put("healthUserId", healthUserId);
    data.put("operation", operation);
    data.put("dataType", dataType);
    return bytes(root);
  }

  /** A DELETE without intervals: what a withdrawal of access looks like. */
  static byte[] withdrawal(String healthUserId, String dataType) {
    ObjectNode root = fixture();
    ObjectNode data = (ObjectNode) root.path("data");
    data.put("healthUserId", healthUserId);
    data.put("operation", "DELETE");
    data.put("dataType", dataType);
    data.putArray("intervals");
    return bytes(root);
  }

  /** Several notifications in one JSON array. */
  static byte[] batch(byte[]... notifications) {
    var array = MAPPER.createArrayNode();
    try {
      for (byte[] n : notifications) {
        array.add(MAPPER.readTree(n));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes(array);
  }

  private static ObjectNode fixture() {
    try {
      return (ObjectNode) MAPPER.readTree(documented());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Object json) {
    try {
      return MAPPER.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
