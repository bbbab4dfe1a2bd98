package com.syncwell.connector.strava;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.connector.Cursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The position in Strava's activity listing, carried opaquely as base64url JSON: the high-water
 * mark (the latest start seen, epoch seconds), the {@code after} of the pass in progress and the
 * next page of that pass. The high-water mark never moves backwards.
 */
public record StravaCursor(long highWater, long after, int page) {

  public StravaCursor {
    if (page < 1) {
      throw new IllegalArgumentException("pages start at 1");
    }
  }

  /** A cursor that starts a new pass from {@code highWater}. */
  public static StravaCursor at(long highWater) {
    return new StravaCursor(highWater, highWater, 1);
  }

  public Instant highWaterMark() {
    return Instant.ofEpochSecond(highWater);
  }

  public boolean startsPass() {
    return page == 1;
  }

  public Cursor encode() {
    ObjectNode json = StravaJson.MAPPER.createObjectNode();
    json.put("v", 1).put("high", highWater).put("after", after).put("page", page);
    return new Cursor(
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(json.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** The cursor in {@code cursor}; a cursor not made here is the caller's mistake. */
  public static StravaCursor decode(Cursor cursor) {
    try {
      JsonNode json = StravaJson.MAPPER.readTree(Base64.getUrlDecoder().decode(cursor.value()));
      if (json == null || json.path("v").asInt() != 1) {
        throw new IllegalArgumentException("not a Strava cursor");
      }
      return new StravaCursor(
          json.path("high").asLong(), json.path("after").asLong(), json.path("page").asInt());
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a Strava cursor", e);
    }
  }
}
