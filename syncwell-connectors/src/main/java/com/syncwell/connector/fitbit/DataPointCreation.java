package com.syncwell.connector.fitbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.Transient;
import com.syncwell.connector.WriteOutcome;

/**
 * {@code POST …/dataPoints}, which answers a long-running Operation. {@code done: true} carries the
 * new point in {@code response.name}; {@code error} is a refusal. The API documents no {@code
 * operations.get}, so {@code done: false} is {@link Transient}: the retry finds the point through
 * the writer's own-write check instead of writing it twice. A 4xx on create is {@link
 * WriteOutcome.Rejected} (the record, not the connection, is at fault).
 */
final class DataPointCreation {
  private DataPointCreation() {}

  static WriteOutcome create(
      GoogleHealthApi api, ProviderSession session, String type, ObjectNode point) {
    JsonNode operation;
    try {
      operation = api.post(session, GoogleHealthApi.dataPoints(type), point, type + " create");
    } catch (Permanent e) {
      return new WriteOutcome.Rejected(e.getMessage());
    }
    JsonNode error = operation.path("error");
    if (!error.isMissingNode() && !error.isNull()) {
      return new WriteOutcome.Rejected(
          "the provider refused the " + type + ": " + error.path("status").asText("error"));
    }
    if (!operation.path("done").asBoolean(false)) {
      throw new Transient(
          GoogleJson.PROVIDER,
          type + " create still running; a retry finds it by its marker",
          null);
    }
    try {
      return new WriteOutcome.Created(
          GoogleJson.lastSegment(GoogleJson.text(operation.path("response"), "name")));
    } catch (IllegalArgumentException e) {
      throw GoogleJson.malformed(type + " create", e);
    }
  }
}
