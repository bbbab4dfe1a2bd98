package com.syncwell.connector.strava;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Strava webhook event ({@code object_type} activity or athlete, {@code aspect_type} create,
 * update or delete). Events are not signed: check {@link #subscriptionId()} and trust nothing but
 * "something changed for owner X"; re-read from the API.
 */
public record StravaWebhookEvent(
    String objectType,
    String objectId,
    String aspectType,
    String ownerId,
    String subscriptionId,
    Instant eventTime) {

  public StravaWebhookEvent {
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(objectId, "objectId");
    Objects.requireNonNull(aspectType, "aspectType");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(eventTime, "eventTime");
  }

  /** The event in {@code body}, or empty when it is not one. */
  public static Optional<StravaWebhookEvent> parse(byte[] body) {
    try {
      JsonNode json = StravaJson.MAPPER.readTree(body);
      if (json == null || !json.isObject()) {
        return Optional.empty();
      }
      Optional<String> type = StravaJson.text(json, "object_type");
      Optional<String> object = StravaJson.id(json, "object_id");
      Optional<String> aspect = StravaJson.text(json, "aspect_type");
      Optional<String> owner = StravaJson.id(json, "owner_id");
      Optional<String> subscription = StravaJson.id(json, "subscription_id");
      var time = StravaJson.whole(json, "event_time");
      if (type.isEmpty()
          || object.isEmpty()
          || aspect.isEmpty()
          || owner.isEmpty()
          || subscription.isEmpty()
          || time.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new StravaWebhookEvent(
              type.get(),
              object.get(),
              aspect.get(),
              owner.get(),
              subscription.get(),
              Instant.ofEpochSecond(time.getAsLong())));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  public boolean isActivity() {
    return objectType.equals("activity");
  }

  /**
   * The answer to a subscription validation request ({@code hub.mode=subscribe}, {@code
   * hub.verify_token}, {@code hub.challenge}): {@code {"hub.challenge":"…"}} when the token
   * matches, else empty.
   */
  public static Optional<byte[]> validationAnswer(Map<String, String> query, String verifyToken) {
    String challenge = query.get("hub.challenge");
    if (!"subscribe".equals(query.get("hub.mode"))
        || verifyToken == null
        || !verifyToken.equals(query.get("hub.verify_token"))
        || challenge == null
        || challenge.isBlank()) {
      return Optional.empty();
    }
    String json = StravaJson.MAPPER.createObjectNode().put("hub.challenge", challenge).toString();
    return Optional.of(json.getBytes(StandardCharsets.UTF_8));
  }
}
