package com.syncwell.connector.fitbit;

import com.syncwell.connector.Cursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The opaque cursor of a Google Health listing: the high-water mark (latest observation time seen,
 * never moving backwards) and, while a listing is under way, the query it pages through (page
 * tokens are only valid with the same parameters). Encoded as {@code gh1;<hw>;<from>;<to>;<token>}
 * with epoch milliseconds and a base64url page token.
 */
record ListingCursor(Instant highWater, Optional<Pending> pending) {
  private static final String VERSION = "gh1";

  /** A query in progress: its span and the page token to continue with ("" for its first page). */
  record Pending(Instant from, Instant to, String pageToken) {
    Pending {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(pageToken, "pageToken");
    }
  }

  ListingCursor {
    Objects.requireNonNull(highWater, "highWater");
    Objects.requireNonNull(pending, "pending");
  }

  Cursor encode() {
    StringBuilder b = new StringBuilder(VERSION).append(';').append(highWater.toEpochMilli());
    pending.ifPresent(
        p ->
            b.append(';')
                .append(p.from().toEpochMilli())
                .append(';')
                .append(p.to().toEpochMilli())
                .append(';')
                .append(
                    Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(p.pageToken().getBytes(StandardCharsets.UTF_8))));
    return new Cursor(b.toString());
  }

  static ListingCursor decode(Cursor cursor) {
    String[] parts = cursor.value().split(";", -1);
    try {
      if (!VERSION.equals(parts[0]) || (parts.length != 2 && parts.length != 5)) {
        throw new IllegalArgumentException("not a Fitbit cursor");
      }
      Instant hw = Instant.ofEpochMilli(Long.parseLong(parts[1]));
      if (parts.length == 2) {
        return new ListingCursor(hw, Optional.empty());
      }
      String token = new String(Base64.getUrlDecoder().decode(parts[4]), StandardCharsets.UTF_8);
      return new ListingCursor(
          hw,
          Optional.of(
              new Pending(
                  Instant.ofEpochMilli(Long.parseLong(parts[2])),
                  Instant.ofEpochMilli(Long.parseLong(parts[3])),
                  token)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a Fitbit cursor", e);
    }
  }
}
