package com.syncwell.connector.fitbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.connector.IdempotencyKey;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SyncWell's own writes. Google ignores client-chosen data point ids, so a write carries its
 * idempotency key as {@code syncwell:<key>} in the point's free-form {@code notes}; and every point
 * written through the API shows {@code dataSource.platform: GOOGLE_WEB_API} with {@code
 * application.googleWebClientId} of the writing client. A point is ours when both the platform and
 * our client id match; its provenance marker is the key from the notes, or {@code
 * google-web-client:<client id>} when the notes were edited away.
 */
final class OwnWrites {
  private static final Pattern MARKER = Pattern.compile("syncwell:([A-Za-z0-9._-]{8,64})");

  private OwnWrites() {}

  static String notesFor(IdempotencyKey key) {
    return "syncwell:" + key.value();
  }

  /** The marker of the key in {@code text}, if any. */
  static Optional<String> keyIn(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = MARKER.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static boolean isOwn(JsonNode point, String clientId) {
    JsonNode source = point.path("dataSource");
    return "GOOGLE_WEB_API".equals(source.path("platform").asText())
        && clientId.equals(source.path("application").path("googleWebClientId").asText());
  }

  /** The provenance marker of {@code point} when we wrote it; {@code notes} is where we put it. */
  static Optional<String> marker(JsonNode point, String clientId, String notes) {
    if (!isOwn(point, clientId)) {
      return Optional.empty();
    }
    return Optional.of(keyIn(notes).orElse("google-web-client:" + clientId));
  }
}
