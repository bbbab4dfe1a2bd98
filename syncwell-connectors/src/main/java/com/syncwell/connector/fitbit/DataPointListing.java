package com.syncwell.connector.fitbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.connector.ChangePage;
import com.syncwell.connector.Cursor;
import com.syncwell.connector.ProviderException;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.TimeWindow;
import com.syncwell.domain.RecordRef;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Incremental listing over an API without a change feed. Without a cursor it lists the window. With
 * a finished cursor it lists again from {@code highWater − overlap} to the window's end, so points
 * that arrived late (device sync) or were edited within the overlap are seen again; the caller
 * de-duplicates by id and fingerprint. Pages are followed while {@code nextPageToken} is non-empty
 * ({@code ""} and absent both end a query). The high-water mark is the latest observation time
 * listed so far and never moves backwards. A source may cap the span of one query ({@code
 * dailyRollUp}: 90 days); the listing then walks the spans one after the other.
 */
final class DataPointListing {

  /** One page of one query. */
  record Page(List<JsonNode> points, String nextPageToken) {}

  /** Fetches a page of points observed in {@code [from, to)}. */
  @FunctionalInterface
  interface PageSource {
    Page page(ProviderSession session, Instant from, Instant to, String pageToken);
  }

  /** A listed point: its metadata and its observation time (the high-water measure). */
  record Listed(RecordRef ref, Instant observed) {}

  /** Metadata of one point, empty for points to skip. */
  @FunctionalInterface
  interface PointMapper {
    Optional<Listed> map(JsonNode point);
  }

  private final PageSource source;
  private final PointMapper mapper;
  private final Duration overlap;
  private final Optional<Duration> maxSpan;
  private final String what;

  DataPointListing(
      String what,
      PageSource source,
      PointMapper mapper,
      Duration overlap,
      Optional<Duration> maxSpan) {
    this.what = Objects.requireNonNull(what, "what");
    this.source = Objects.requireNonNull(source, "source");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.overlap = Objects.requireNonNull(overlap, "overlap");
    this.maxSpan = Objects.requireNonNull(maxSpan, "maxSpan");
  }

  ChangePage list(ProviderSession session, Optional<Cursor> cursor, TimeWindow window) {
    Instant highWater;
    ListingCursor.Pending query;
    if (cursor.isEmpty()) {
      highWater = window.from();
      query = new ListingCursor.Pending(asKept(window.from()), asKept(window.to()), "");
    } else {
      ListingCursor c = ListingCursor.decode(cursor.get());
      highWater = c.highWater();
      if (c.pending().isPresent()) {
        query = c.pending().get();
      } else {
        Instant from = highWater.minus(overlap);
        if (!window.to().isAfter(from)) {
          return new ChangePage(List.of(), cursor.get(), false);
        }
        query = new ListingCursor.Pending(asKept(from), asKept(window.to()), "");
      }
    }
    Instant spanEnd =
        maxSpan
            .map(s -> query.from().plus(s))
            .filter(end -> end.isBefore(query.to()))
            .orElse(query.to());
    Page page = source.page(session, query.from(), spanEnd, query.pageToken());
    List<RecordRef> refs = new ArrayList<>();
    for (JsonNode point : page.points()) {
      Optional<Listed> listed;
      try {
        listed = mapper.map(point);
      } catch (ProviderException e) {
        throw e;
      } catch (RuntimeException e) {
        throw GoogleJson.malformed(what + " listing", e);
      }
      if (listed.isPresent()
          && !listed.get().observed().isBefore(query.from())
          && listed.get().observed().isBefore(spanEnd)) {
        refs.add(listed.get().ref());
        if (listed.get().observed().isAfter(highWater)) {
          highWater = listed.get().observed();
        }
      }
    }
    String token = page.nextPageToken() == null ? "" : page.nextPageToken();
    Optional<ListingCursor.Pending> next;
    if (!token.isEmpty()) {
      next = Optional.of(new ListingCursor.Pending(query.from(), query.to(), token));
    } else if (spanEnd.isBefore(query.to())) {
      next = Optional.of(new ListingCursor.Pending(spanEnd, query.to(), ""));
    } else {
      next = Optional.empty();
    }
    return new ChangePage(refs, new ListingCursor(highWater, next).encode(), next.isPresent());
  }

  /** The page of a {@code dataPoints} list answer ({@code nextPageToken} may be "" or absent). */
  static Page listPage(JsonNode answer) {
    List<JsonNode> points = new ArrayList<>();
    answer.path("dataPoints").forEach(points::add);
    return new Page(points, answer.path("nextPageToken").asText(""));
  }

  /**
   * A bound as the cursor keeps it (milliseconds), so the filter of every page of one query is the
   * same string: the API refuses a page token whose query changed.
   */
  private static Instant asKept(Instant bound) {
    return bound.truncatedTo(ChronoUnit.MILLIS);
  }
}
