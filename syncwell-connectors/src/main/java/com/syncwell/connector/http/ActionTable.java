package com.syncwell.connector.http;

import java.time.Instant;

/**
 * One provider's mapping from HTTP results to actions (ARCHITECTURE.md §7): 401 → renew the token
 * once, then revoked; 429 → throttled until the provider's reset time; 5xx → retry; other 4xx →
 * fail. Providers refine it (reset times from their headers, their error bodies).
 */
@FunctionalInterface
public interface ActionTable {

  HttpAction classify(HttpResult result, Instant now);

  /** The shared defaults, with {@code retryAfterDefault} seconds when a 429 says nothing. */
  static ActionTable standard(long retryAfterDefaultSeconds) {
    return (result, now) -> {
      int s = result.status();
      if (s >= 200 && s < 300) {
        return new HttpAction.Proceed();
      }
      if (s == 401) {
        return new HttpAction.RenewToken();
      }
      if (s == 429) {
        return new HttpAction.Throttle(
            RetryAfter.parse(result.headers(), now)
                .orElse(now.plusSeconds(retryAfterDefaultSeconds)));
      }
      if (s >= 500 || s == 408) {
        return new HttpAction.Retry("HTTP " + s);
      }
      return new HttpAction.Fail("HTTP " + s);
    };
  }
}
