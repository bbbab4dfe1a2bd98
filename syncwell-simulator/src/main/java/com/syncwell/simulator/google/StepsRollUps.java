package com.syncwell.simulator.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.simulator.data.ProviderStore;
import com.syncwell.simulator.data.StepsInterval;
import com.syncwell.simulator.http.Json;
import com.syncwell.simulator.http.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST …/steps/dataPoints:dailyRollUp} and {@code …:rollUp} as GOOGLE-HEALTH-API.md §3 and
 * the discovery document (rev 20261002) describe them: {@code dailyRollUp} takes a closed-open
 * civil range {@code range.start.date} / {@code range.end.date} (at most 90 days) and {@code
 * windowSizeDays} (default 1; the last window is cut at the range's end) and answers {@code
 * rollupDataPoints[{civilStartTime, civilEndTime, steps:{countSum}}]} oldest first; {@code rollUp}
 * takes a physical {@code range.startTime} / {@code endTime} and {@code windowSize} ("60s"). Steps
 * are bucketed by the local day of each interval (its own offset). A window without steps carries
 * no {@code steps} member. {@code pageSize} defaults to 1440 windows; {@code nextPageToken} is
 * omitted on the last page ("If this field is omitted, there are no subsequent pages").
 */
final class StepsRollUps {
  static final int MAX_RANGE_DAYS = 90;
  private static final int DEFAULT_PAGE = 1440;
  private static final int MAX_PAGE = 10_000;

  private StepsRollUps() {}

  /** One window of the answer: its JSON without the value, and its steps (null = none). */
  private record Window(ObjectNode json, Long steps) {}

  static Reply daily(ProviderStore store, ZoneId zone, Instant now, JsonNode body, String userKey) {
    JsonNode range = body.path("range");
    LocalDate start;
    LocalDate end;
    try {
      start = date(range.path("start").path("date"));
      end = date(range.path("end").path("date"));
    } catch (RuntimeException e) {
      return GoogleErrors.invalidArgument(
          "range.start.date and range.end.date are required", "INVALID_TIME_RANGE", Map.of());
    }
    if (!end.isAfter(start) || ChronoUnit.DAYS.between(start, end) > MAX_RANGE_DAYS) {
      return GoogleErrors.invalidArgument(
          "The range must be non-empty and at most 90 days", "INVALID_TIME_RANGE", Map.of());
    }
    int windowDays = body.path("windowSizeDays").asInt(1);
    if (windowDays < 1) {
      return GoogleErrors.invalidArgument(
          "windowSizeDays must be positive", "INVALID_ARGUMENT", Map.of());
    }
    // a day from zone midnight − 14 h to + 14 h covers every offset an interval may carry
    Instant from = start.atStartOfDay(zone).toInstant().minus(Duration.ofHours(14));
    Instant to = end.atStartOfDay(zone).toInstant().plus(Duration.ofHours(14));
    List<StepsInterval> steps = store.steps(from, to, now);
    List<Window> windows = new ArrayList<>();
    for (LocalDate d = start; d.isBefore(end); d = d.plusDays(windowDays)) {
      LocalDate windowEnd = d.plusDays(windowDays).isAfter(end) ? end : d.plusDays(windowDays);
      LocalDate first = d;
      long sum = 0;
      boolean any = false;
      for (StepsInterval s : steps) {
        LocalDate day = s.start().atOffset(s.offset()).toLocalDate();
        if (!day.isBefore(first) && day.isBefore(windowEnd)) {
          sum += s.count();
          any = true;
        }
      }
      ObjectNode w = Json.object();
      civil(w.putObject("civilStartTime"), d);
      civil(w.putObject("civilEndTime"), windowEnd);
      windows.add(new Window(w, any ? sum : null));
    }
    return page(windows, body, userKey + "|daily|" + start + "|" + end + "|" + windowDays);
  }

  static Reply physical(ProviderStore store, Instant now, JsonNode body, String userKey) {
    JsonNode range = body.path("range");
    Instant start;
    Instant end;
    Duration window;
    try {
      start = Instant.parse(range.path("startTime").asText());
      end = Instant.parse(range.path("endTime").asText());
      String size = body.path("windowSize").asText("");
      window =
          Duration.ofMillis(
              Math.round(Double.parseDouble(size.substring(0, size.length() - 1)) * 1000));
    } catch (RuntimeException e) {
      return GoogleErrors.invalidArgument(
          "range.startTime, range.endTime and windowSize are required",
          "INVALID_TIME_RANGE",
          Map.of());
    }
    if (!end.isAfter(start)
        || Duration.between(start, end).compareTo(Duration.ofDays(MAX_RANGE_DAYS)) > 0
        || window.isZero()
        || window.isNegative()) {
      return GoogleErrors.invalidArgument(
          "The range must be non-empty and at most 90 days", "INVALID_TIME_RANGE", Map.of());
    }
    List<StepsInterval> steps = store.steps(start, end, now);
    List<Window> windows = new ArrayList<>();
    for (Instant t = start; t.isBefore(end); t = t.plus(window)) {
      Instant windowEnd = t.plus(window).isAfter(end) ? end : t.plus(window);
      long sum = 0;
      boolean any = false;
      for (StepsInterval s : steps) {
        if (!s.start().isBefore(t) && s.start().isBefore(windowEnd)) {
          sum += s.count();
          any = true;
        }
      }
      ObjectNode w = Json.object();
      w.put("startTime", t.toString());
      w.put("endTime", windowEnd.toString());
      windows.add(new Window(w, any ? sum : null));
    }
    return page(windows, body, userKey + "|rollUp|" + start + "|" + end + "|" + window);
  }

  private static Reply page(List<Window> windows, JsonNode body, String query) {
    int pageSize = body.path("pageSize").asInt(0);
    pageSize = pageSize <= 0 ? DEFAULT_PAGE : Math.min(pageSize, MAX_PAGE);
    String queryKey = GoogleHealthApi.queryKey(query + "|" + pageSize);
    int offset = 0;
    String token = body.path("pageToken").asText("");
    if (!token.isEmpty()) {
      Integer decoded = GoogleHealthApi.decodeToken(token, queryKey);
      if (decoded == null) {
        return GoogleErrors.invalidArgument(
            "Invalid page token: the page token does not match the request.", null, Map.of());
      }
      offset = decoded;
    }
    ObjectNode out = Json.object();
    ArrayNode points = out.putArray("rollupDataPoints");
    int last = Math.min(windows.size(), offset + pageSize);
    for (int i = offset; i < last; i++) {
      Window w = windows.get(i);
      if (w.steps() != null) {
        w.json().putObject("steps").put("countSum", Long.toString(w.steps()));
      }
      points.add(w.json());
    }
    if (last < windows.size()) {
      out.put("nextPageToken", GoogleHealthApi.encodeToken(queryKey, last));
    }
    return Reply.json(200, out);
  }

  private static LocalDate date(JsonNode d) {
    if (!d.path("year").isNumber() || !d.path("month").isNumber() || !d.path("day").isNumber()) {
      throw new IllegalArgumentException("incomplete date");
    }
    return LocalDate.of(d.path("year").asInt(), d.path("month").asInt(), d.path("day").asInt());
  }

  private static void civil(ObjectNode node, LocalDate d) {
    node.putObject("date")
        .put("year", d.getYear())
        .put("month", d.getMonthValue())
        .put("day", d.getDayOfMonth());
    node.putObject("time");
  }
}
