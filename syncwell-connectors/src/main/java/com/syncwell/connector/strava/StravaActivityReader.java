package com.syncwell.connector.strava;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.connector.ChangePage;
import com.syncwell.connector.Cursor;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.TimeWindow;
import com.syncwell.connector.http.ProviderHttp;
import com.syncwell.domain.DataType;
import com.syncwell.domain.HealthRecord;
import com.syncwell.domain.RecordRef;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Strava workouts. Listing pages {@code GET /athlete/activities?after&before&page&per_page=200}
 * oldest first; a pass ends at the first page with fewer than 200 activities, and its cursor keeps
 * the latest start seen. A later pass starts {@code relistOverlap} before that mark (late uploads
 * of older activities; webhooks cover the rest); repeated records are the caller's to skip by id.
 * Fetching is {@code GET /activities/{id}} plus, unless the activity is manual, its streams.
 */
public final class StravaActivityReader implements RecordReader {
  public static final int PER_PAGE = 200;
  static final String STREAM_KEYS = "time,latlng,altitude,heartrate,cadence,watts,distance";
  private static final int MAX_PAGES_PER_PASS = 1_000;

  private final StravaSettings settings;
  private final ProviderHttp http;
  private final Duration relistOverlap;

  public StravaActivityReader(StravaSettings settings, ProviderHttp http, Duration relistOverlap) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.http = Objects.requireNonNull(http, "http");
    this.relistOverlap = Objects.requireNonNull(relistOverlap, "relistOverlap");
    if (relistOverlap.isNegative()) {
      throw new IllegalArgumentException("overlap must not be negative");
    }
  }

  @Override
  public ChangePage listChanges(
      ProviderSession session, Optional<Cursor> cursor, TimeWindow window) {
    long windowAfter = window.from().getEpochSecond() - 1; // Strava's after is exclusive
    long before = window.to().getEpochSecond() + (window.to().getNano() > 0 ? 1 : 0);
    StravaCursor position = cursor.map(StravaCursor::decode).orElse(StravaCursor.at(windowAfter));
    long after =
        position.startsPass()
            ? Math.max(windowAfter, position.highWater() - relistOverlap.toSeconds())
            : position.after();
    int page = position.page();
    if (after >= before) {
      return new ChangePage(List.of(), StravaCursor.at(position.highWater()).encode(), false);
    }

    String query =
        "/athlete/activities?after="
            + after
            + "&before="
            + before
            + "&page="
            + page
            + "&per_page="
            + PER_PAGE;
    JsonNode list = get(session, query, "the activity list");
    if (!list.isArray()) {
      throw new Permanent(StravaConnector.ID, "the activity list is not an array", null);
    }
    List<RecordRef> refs = new ArrayList<>();
    long high = position.highWater();
    for (JsonNode activity : list) {
      RecordRef ref;
      try {
        ref = StravaPayloads.ref(activity);
      } catch (IllegalArgumentException e) {
        throw new Permanent(StravaConnector.ID, "an activity in the list is malformed", e);
      }
      if (ref.start().toInstant().isBefore(window.to())) {
        refs.add(ref);
        high = Math.max(high, ref.start().toEpochSecond());
      }
    }
    boolean full = list.size() >= PER_PAGE && page < MAX_PAGES_PER_PASS;
    StravaCursor next = full ? new StravaCursor(high, after, page + 1) : StravaCursor.at(high);
    return new ChangePage(refs, next.encode(), full);
  }

  @Override
  public HealthRecord fetch(ProviderSession session, RecordRef ref) {
    if (ref.dataType() != DataType.WORKOUT || !ref.recordId().matches("\\d{1,40}")) {
      throw new IllegalArgumentException("not a Strava activity reference");
    }
    JsonNode detail = get(session, "/activities/" + ref.recordId(), "the activity");
    JsonNode streams = null;
    if (!detail.path("manual").asBoolean(false)) {
      streams =
          get(
              session,
              "/activities/"
                  + ref.recordId()
                  + "/streams?keys="
                  + STREAM_KEYS
                  + "&key_by_type=true",
              "the activity streams");
    }
    try {
      return StravaPayloads.workout(detail, streams);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new Permanent(StravaConnector.ID, "the activity makes no sense as a workout", e);
    }
  }

  private JsonNode get(ProviderSession session, String pathAndQuery, String what) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.api(pathAndQuery))
            .header("Accept", "application/json")
            .GET();
    return StravaJson.parse(
        StravaConnector.ID, http.send(session, session.connectionId(), request).body(), what);
  }
}
