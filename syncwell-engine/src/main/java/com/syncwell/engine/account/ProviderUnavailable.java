package com.syncwell.engine.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider could not be reached or is rate limiting us; nothing was connected. The same request
 * may be retried (the state stays redeemable until it expires).
 *
 * @param retryAt when the provider's rate limit resets, when it said so
 */
public record ProviderUnavailable(Optional<Instant> retryAt)
    implements Refusal, CompleteAuthorizationOutcome {
  public ProviderUnavailable {
    Objects.requireNonNull(retryAt, "retryAt");
  }

  @Override
  public String code() {
    return "provider_unavailable";
  }
}
