package com.syncwell.connector.fitbit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of a Google Health API webhook notification: who, which data type, upsert or delete, and
 * the intervals to re-read (notifications carry no values). A time that does not parse is left out
 * rather than failing the notification (Google's own example has {@code "2026-03-0B01:29:00Z"});
 * the civil interval is kept beside it. Checking the secret and the signature is the HTTP route's
 * job.
 */
public record GoogleHealthNotification(
    String version,
    String subscriptionName,
    String healthUserId,
    Operation operation,
    String dataType,
    List<Interval> intervals) {

  public enum Operation {
    UPSERT,
    DELETE
  }

  /** One changed interval, physical and civil (local wall time) where given. */
  public record Interval(
      Optional<Instant> start,
      Optional<Instant> end,
      Optional<LocalDateTime> civilStart,
      Optional<LocalDateTime> civilEnd) {}

  public GoogleHealthNotification {
    Objects.requireNonNull(healthUserId, "healthUserId");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(dataType, "dataType");
    intervals = List.copyOf(intervals);
  }

  /** True for the endpoint verification body {@code {"type": "verification"}}. */
  public static boolean isVerification(byte[] body) {
    try {
      JsonNode root = GoogleJson.MAPPER.readTree(body);
      return root != null && "verification".equals(root.path("type").asText());
    } catch (IOException e) {
      return false;
    }
  }

  /** Parses a notification; {@link IllegalArgumentException} when it is not one. */
  public static GoogleHealthNotification parse(byte[] body) {
    JsonNode data;
    try {
      JsonNode root = GoogleJson.MAPPER.readTree(body);
      data = root == null ? null : root.path("data");
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
    if (data == null || !data.isObject()) {
      throw new IllegalArgumentException("no notification data");
    }
    List<Interval> intervals = new ArrayList<>();
    for (JsonNode i : data.path("intervals")) {
      JsonNode physical = i.path("physicalTimeInterval");
      JsonNode civil = i.path("civilIso8601TimeInterval");
      intervals.add(
          new Interval(
              instant(physical.path("startTime")),
              instant(physical.path("endTime")),
              civil(civil.path("startTime")),
              civil(civil.path("endTime"))));
    }
    String operation = data.path("operation").asText();
    if (!operation.equals("UPSERT") && !operation.equals("DELETE")) {
      throw new IllegalArgumentException("unknown operation");
    }
    return new GoogleHealthNotification(
        data.path("version").asText(""),
        data.path("clientProvidedSubscriptionName").asText(""),
        GoogleJson.text(data, "healthUserId"),
        Operation.valueOf(operation),
        GoogleJson.text(data, "dataType"),
        intervals);
  }

  private static Optional<Instant> instant(JsonNode n) {
    try {
      return n.isTextual() ? Optional.of(Instant.parse(n.asText())) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDateTime> civil(JsonNode n) {
    try {
      return n.isTextual() ? Optional.of(LocalDateTime.parse(n.asText())) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
