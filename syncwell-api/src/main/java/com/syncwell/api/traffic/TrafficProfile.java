package com.syncwell.api.traffic;

import java.util.List;
import java.util.Map;

/**
 * One UTC day of traffic as aggregates only: no user id, no anonymous key, no path beyond the route
 * template. Operational routes (probes, metrics, the contract, admin routes) are left out.
 *
 * @param day the UTC date
 * @param complete whether the day is over (false: the current day so far)
 * @param firstRequestAt the first counted request (ISO-8601)
 * @param lastRequestAt the last counted request (ISO-8601)
 * @param observedMinutes minutes from the first to the last counted request, both included
 * @param requests every counted request
 * @param userRequests requests with an authenticated user
 * @param unattributedRequests requests without one (webhooks, refused tokens, unknown paths)
 * @param users distinct anonymous users tracked (at most {@code userCap})
 * @param userCap the most users tracked in a day
 * @param userRequestsOverCap requests of users beyond the cap: in the totals, not in the per-user
 *     figures
 * @param sessions sessions of the tracked users: a session is a run of requests with less than
 *     {@code sessionIdleMinutes} between two of them
 * @param sessionIdleMinutes the idle gap that ends a session
 * @param sessionsPerUserPerDay sessions / users
 * @param requestsPerSession tracked users' requests / sessions
 * @param syncs sync jobs accepted ({@code POST /v1/sync-jobs} answered 2xx), all users
 * @param syncsPerUserPerDay tracked users' syncs / users (manual syncs only: scheduled and webhook
 *     syncs never pass the API)
 * @param reads GET and HEAD requests
 * @param writes POST, PUT, PATCH and DELETE requests
 * @param writeReadRatio writes / reads (0 without reads)
 * @param statusClasses requests by status class ({@code 2xx} ...)
 * @param routes requests by method and route template
 * @param payloads body sizes
 * @param perMinute requests per minute of the day
 */
public record TrafficProfile(
    String day,
    boolean complete,
    String firstRequestAt,
    String lastRequestAt,
    int observedMinutes,
    long requests,
    long userRequests,
    long unattributedRequests,
    int users,
    int userCap,
    long userRequestsOverCap,
    long sessions,
    int sessionIdleMinutes,
    double sessionsPerUserPerDay,
    double requestsPerSession,
    long syncs,
    double syncsPerUserPerDay,
    long reads,
    long writes,
    double writeReadRatio,
    Map<String, Long> statusClasses,
    Map<String, Long> routes,
    Payloads payloads,
    PerMinute perMinute) {

  /**
   * Request and response body sizes.
   *
   * @param heavyThresholdBytes a request is heavy when its request and response bodies together are
   *     larger than this
   * @param heavyShare heavy requests / requests
   * @param histogram requests by request + response body bytes; the last bucket has no bound
   */
  public record Payloads(
      long requestBytes,
      long responseBytes,
      double averageRequestBytes,
      double averageResponseBytes,
      long heavyThresholdBytes,
      double heavyShare,
      List<Bucket> histogram) {}

  /**
   * Requests whose payload is at most {@code upToBytes} and above the previous bucket's bound.
   *
   * @param upToBytes the bound; null for the last bucket
   */
  public record Bucket(Long upToBytes, long count) {}

  /**
   * @param peak the busiest minute's requests
   * @param average requests / observed minutes
   * @param peakToAverage peak / average (0 without requests)
   */
  public record PerMinute(long peak, double average, double peakToAverage) {}
}
