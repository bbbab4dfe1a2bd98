package com.syncwell.connector.strava;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state of one upload ({@code POST /uploads}, {@code GET /uploads/{id}}): {@code id} (or {@code
 * id_str}), {@code status}, {@code error} and, once processed, {@code activity_id}.
 */
record StravaUpload(
    String id, Optional<String> status, Optional<String> error, Optional<String> activityId) {

  /**
   * Strava names the existing activity in a duplicate error: plain "… duplicate of activity 123",
   * or as a link, "… duplicate of <a href='/activities/123' target='_blank'>activity 123</a>" (the
   * form the simulator gives by default, as observed), or older "… duplicate of <a
   * href='/activities/123'>123</a>". The link's href is preferred when present.
   */
  private static final Pattern DUPLICATE =
      Pattern.compile(
          "duplicate of\\s*(?:<a[^>]*?href=['\"]?[^'\">]*?/activities/(\\d+)[^>]*>[^<]*</a>"
              + "|(?:<a[^>]*>)?\\s*(?:activity\\s*)?(\\d+))",
          Pattern.CASE_INSENSITIVE);

  static StravaUpload of(JsonNode json) {
    String id =
        StravaJson.id(json, "id_str")
            .or(() -> StravaJson.id(json, "id"))
            .orElseThrow(() -> new IllegalArgumentException("upload without id"));
    return new StravaUpload(
        id,
        StravaJson.text(json, "status"),
        StravaJson.text(json, "error"),
        StravaJson.id(json, "activity_id"));
  }

  /** The existing activity's id when the error says this upload is a duplicate. */
  Optional<String> duplicateOf() {
    return error
        .map(DUPLICATE::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1) != null ? m.group(1) : m.group(2));
  }

  /** Strava deleted the activity this upload created ("The created activity has been deleted."). */
  boolean activityDeleted() {
    return status.map(s -> s.toLowerCase(Locale.ROOT).contains("deleted")).orElse(false);
  }

  boolean finished() {
    return activityId.isPresent() || error.isPresent() || activityDeleted();
  }
}
