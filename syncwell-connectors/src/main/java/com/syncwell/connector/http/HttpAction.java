package com.syncwell.connector.http;

import java.time.Instant;
import java.util.Objects;

/** What to do with a provider's answer: the right-hand side of a provider's action table. */
public sealed interface HttpAction {

  /** Use the answer. */
  record Proceed() implements HttpAction {}

  /** The access token was refused: renew it once and repeat, then give up as revoked. */
  record RenewToken() implements HttpAction {}

  /** The grant is gone for good ({@code invalid_grant}, deauthorized). */
  record Revoke(String reason) implements HttpAction {}

  /** Over the provider's limit until {@code retryAt}. */
  record Throttle(Instant retryAt) implements HttpAction {
    public Throttle {
      Objects.requireNonNull(retryAt, "retryAt");
    }
  }

  /** A failure that may pass (5xx, 408). */
  record Retry(String reason) implements HttpAction {}

  /** This request will never succeed as it is. */
  record Fail(String reason) implements HttpAction {}
}
