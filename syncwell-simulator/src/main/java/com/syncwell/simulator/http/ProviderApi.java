package com.syncwell.simulator.http;

import com.syncwell.simulator.oauth.Grant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One simulated provider: its routes and its own way of saying no. */
public interface ProviderApi {
  /** {@code strava} or {@code fitbit}: the first path segment. */
  String name();

  List<Route> routes();

  /** The answer to a path the provider does not serve. */
  Reply notFound();

  /** Missing, expired or revoked access token. */
  Reply unauthorized();

  /** Over a rate limit. */
  Reply throttled();

  /** A server-side failure (500, 503). */
  Reply failure(int status);

  /** The grant of the call's bearer token, if live. */
  Optional<Grant> authenticate(String authorizationHeader, Instant now);

  /** Counts the call against the provider's quotas. {@code grant} may be null (not signed in). */
  QuotaVerdict admit(Route route, Grant grant, Instant now);
}
