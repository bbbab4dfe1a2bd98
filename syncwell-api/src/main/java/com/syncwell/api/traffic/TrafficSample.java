package com.syncwell.api.traffic;

import java.util.Objects;
import java.util.Optional;

/**
 * One answered request as the recorder sees it.
 *
 * @param method the HTTP method as received
 * @param route the route template (e.g. {@code /v1/sync-jobs/{id}}) or {@code unmatched}; never the
 *     raw path
 * @param status the answer's status
 * @param requestBytes body bytes read from the caller (0 when none or not read)
 * @param responseBytes body bytes answered
 * @param userId the authenticated user, used only to derive the day's anonymous key and then
 *     dropped; empty for open routes and refused tokens
 */
public record TrafficSample(
    String method,
    String route,
    int status,
    long requestBytes,
    long responseBytes,
    Optional<String> userId) {
  public TrafficSample {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(userId, "userId");
    if (requestBytes < 0 || responseBytes < 0) {
      throw new IllegalArgumentException("negative byte count");
    }
  }

  @Override
  public String toString() {
    // never the user id
    return "TrafficSample[" + method + " " + route + " " + status + "]";
  }
}
