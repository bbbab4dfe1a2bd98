package com.syncwell.api.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a webhook request. An error status (4xx) carries a stable {@code code} and a {@code
 * detail}; the API renders it as problem+json. A success carries an optional JSON body (e.g.
 * Strava's {@code {"hub.challenge": "..."}}).
 */
public record WebhookReply(
    int status, Optional<String> json, Optional<String> code, String detail) {
  public WebhookReply {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("status " + status);
    }
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
  }

  public static WebhookReply ok(int status) {
    return new WebhookReply(status, Optional.empty(), Optional.empty(), "");
  }

  public static WebhookReply json(int status, String json) {
    return new WebhookReply(status, Optional.of(json), Optional.empty(), "");
  }

  public static WebhookReply refused(int status, String code, String detail) {
    return new WebhookReply(status, Optional.empty(), Optional.of(code), detail);
  }

  public byte[] jsonBytes() {
    return json.orElse("").getBytes(StandardCharsets.UTF_8);
  }
}
