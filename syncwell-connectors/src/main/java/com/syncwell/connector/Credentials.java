package com.syncwell.connector;

import java.util.Optional;

/**
 * The access token of one connection, renewed when needed. Implementations serialize renewals per
 * connection: when several threads see a 401 at once, one refresh happens and the others get its
 * result.
 */
public interface Credentials {

  /** A usable access token; renewed first when it is about to expire. */
  String accessToken();

  /**
   * Called after the provider rejected {@code rejected} with 401: returns a newer token, renewing
   * at most once for that rejected token, or throws {@link AuthorizationRevoked}.
   */
  String renewAfter(String rejected);

  /**
   * The user's id at the provider (Google healthUserId, Strava athlete id), when known: the key of
   * per-user rate budgets.
   */
  default Optional<String> providerUserId() {
    return Optional.empty();
  }
}
