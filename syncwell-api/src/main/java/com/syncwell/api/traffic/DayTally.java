package com.syncwell.api.traffic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One UTC day's aggregates. Memory is bounded: the user table by its cap, the route map by the
 * route table (templates, methods outside a fixed set counted as {@code OTHER}), the rest fixed.
 *
 * <p><b>Threading:</b> not thread-safe; the recorder calls it under its lock.
 */
final class DayTally {
  static final long[] BUCKET_BOUNDS = {
    1024, 4 * 1024, 16 * 1024, 64 * 1024, 100 * 1024, 256 * 1024, 1024 * 1024
  };
  static final long HEAVY_BYTES = 100 * 1024;
  static final int SESSION_IDLE_MINUTES = 30;
  static final String SYNC_ROUTE = "POST /v1/sync-jobs";

  private static final Set<String> READS = Set.of("GET", "HEAD");
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final int MINUTES = 24 * 60;

  private final LocalDate day;
  private final AnonymousUserKeys keys;
  private final AnonymousUserTable users;
  private final int cap;
  private final long[] perMinute = new long[MINUTES];
  private final long[] buckets = new long[BUCKET_BOUNDS.length + 1];
  private final long[] statusClasses = new long[6];
  private final Map<String, Long> routes = new TreeMap<>();
  private Instant first;
  private Instant last;
  private int firstMinute = -1;
  private int lastMinute = -1;
  private long requests;
  private long userRequests;
  private long overCap;
  private long syncs;
  private long reads;
  private long writes;
  private long requestBytes;
  private long responseBytes;
  private long heavy;

  DayTally(LocalDate day, AnonymousUserKeys keys, int cap) {
    this.day = day;
    this.keys = keys;
    this.cap = cap;
    this.users = new AnonymousUserTable(cap);
  }

  LocalDate day() {
    return day;
  }

  /** The user table (for the memory bound's test). */
  AnonymousUserTable users() {
    return users;
  }

  void count(TrafficSample s, Instant at) {
    int second = at.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
    int minute = second / 60;
    if (first == null) {
      first = at;
      firstMinute = minute;
    }
    last = at;
    lastMinute = Math.max(lastMinute, minute);
    firstMinute = Math.min(firstMinute, minute);
    requests++;
    perMinute[minute]++;
    String method =
        READS.contains(s.method()) || WRITES.contains(s.method()) ? s.method() : "OTHER";
    String route = method + " " + s.route();
    routes.merge(route, 1L, Long::sum);
    if (READS.contains(method)) {
      reads++;
    } else if (WRITES.contains(method)) {
      writes++;
    }
    int statusClass = s.status() / 100;
    statusClasses[statusClass >= 1 && statusClass <= 5 ? statusClass : 0]++;
    boolean sync = route.equals(SYNC_ROUTE) && statusClass == 2;
    if (sync) {
      syncs++;
    }
    requestBytes += s.requestBytes();
    responseBytes += s.responseBytes();
    long payload = s.requestBytes() + s.responseBytes();
    buckets[bucketOf(payload)]++;
    if (payload > HEAVY_BYTES) {
      heavy++;
    }
    if (s.userId().isPresent()) {
      userRequests++;
      long key = keys.keyOf(s.userId().get());
      if (!users.count(key, second, SESSION_IDLE_MINUTES * 60, sync)) {
        overCap++;
      }
    }
  }

  private static int bucketOf(long bytes) {
    for (int i = 0; i < BUCKET_BOUNDS.length; i++) {
      if (bytes <= BUCKET_BOUNDS[i]) {
        return i;
      }
    }
    return BUCKET_BOUNDS.length;
  }

  TrafficProfile profile(boolean complete) {
    int trackedUsers = users.users();
    long sessions = users.sessions();
    long trackedRequests = users.requests();
    long trackedSyncs = users.syncs();
    int observed = first == null ? 0 : lastMinute - firstMinute + 1;
    long peak = 0;
    for (long m : perMinute) {
      peak = Math.max(peak, m);
    }
    double average = observed == 0 ? 0 : (double) requests / observed;
    List<TrafficProfile.Bucket> histogram = new ArrayList<>();
    for (int i = 0; i < buckets.length; i++) {
      histogram.add(
          new TrafficProfile.Bucket(
              i < BUCKET_BOUNDS.length ? BUCKET_BOUNDS[i] : null, buckets[i]));
    }
    Map<String, Long> classes = new LinkedHashMap<>();
    for (int c = 1; c <= 5; c++) {
      if (statusClasses[c] > 0) {
        classes.put(c + "xx", statusClasses[c]);
      }
    }
    return new TrafficProfile(
        day.toString(),
        complete,
        first == null ? null : first.toString(),
        last == null ? null : last.toString(),
        observed,
        requests,
        userRequests,
        requests - userRequests,
        trackedUsers,
        cap,
        overCap,
        sessions,
        SESSION_IDLE_MINUTES,
        ratio(sessions, trackedUsers),
        ratio(trackedRequests, sessions),
        syncs,
        ratio(trackedSyncs, trackedUsers),
        reads,
        writes,
        ratio(writes, reads),
        classes,
        new TreeMap<>(routes),
        new TrafficProfile.Payloads(
            requestBytes,
            responseBytes,
            ratio(requestBytes, requests),
            ratio(responseBytes, requests),
            HEAVY_BYTES,
            ratio(heavy, requests),
            histogram),
        new TrafficProfile.PerMinute(peak, average, average == 0 ? 0 : peak / average));
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
