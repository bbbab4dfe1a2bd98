package com.syncwell.engine.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Objects;

/**
 * The body of a job-queue message: which user's which job to run. Everything else is read from the
 * job item, so a message never carries health data or tokens.
 */
public record SyncJobMessage(String userId, String jobId) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public SyncJobMessage {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(jobId, "jobId");
    if (userId.isBlank() || jobId.isBlank()) {
      throw new IllegalArgumentException("a sync job message names a user and a job");
    }
  }

  /** {@code {"v":1,"userId":"…","jobId":"…"}} */
  public String toBody() {
    ObjectNode node = JSON.createObjectNode();
    node.put("v", 1);
    node.put("userId", userId);
    node.put("jobId", jobId);
    return node.toString();
  }

  /** Parses a body written by {@link #toBody()}; anything else is an IllegalArgumentException. */
  public static SyncJobMessage parse(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null
          || !node.isObject()
          || node.path("v").asInt() != 1
          || !node.path("userId").isTextual()
          || !node.path("jobId").isTextual()) {
        throw new IllegalArgumentException("not a sync job message (version 1)");
      }
      return new SyncJobMessage(node.get("userId").asText(), node.get("jobId").asText());
    } catch (IOException e) {
      throw new IllegalArgumentException("a sync job message must be JSON", e);
    }
  }
}
