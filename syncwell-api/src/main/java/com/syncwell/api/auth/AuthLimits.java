package com.syncwell.api.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds {@link JwtAuthenticator} works within.
 *
 * @param maxTokenLength longest accepted token, in characters (a JWS is ASCII, so bytes); longer
 *     ones are refused before any parsing
 * @param clockSkew tolerance on {@code exp}, {@code nbf} and {@code iat}; at most 60 s
 * @param jwksRefreshInterval least time between two fetches of one issuer's JWKS (an unknown {@code
 *     kid} or a stale set triggers a fetch at most this often)
 * @param jwksMaxAge age after which a fetched JWKS is refreshed on the next request, so that keys
 *     an issuer withdrew stop verifying; a failed refresh keeps the set
 * @param jwksTimeout connect timeout and read timeout of a JWKS fetch, each at most 2 s
 * @param jwksMaxBytes largest JWKS document read
 * @param verifiedTokens how many verified tokens are remembered (until their {@code exp})
 */
public record AuthLimits(
    int maxTokenLength,
    Duration clockSkew,
    Duration jwksRefreshInterval,
    Duration jwksMaxAge,
    Duration jwksTimeout,
    int jwksMaxBytes,
    long verifiedTokens) {

  private static final Duration MAX_SKEW = Duration.ofSeconds(60);
  private static final Duration MAX_TIMEOUT = Duration.ofSeconds(2);

  public AuthLimits {
    Objects.requireNonNull(clockSkew, "clockSkew");
    Objects.requireNonNull(jwksRefreshInterval, "jwksRefreshInterval");
    Objects.requireNonNull(jwksMaxAge, "jwksMaxAge");
    Objects.requireNonNull(jwksTimeout, "jwksTimeout");
    if (maxTokenLength < 1) {
      throw new IllegalArgumentException("maxTokenLength must be positive");
    }
    if (clockSkew.isNegative() || clockSkew.compareTo(MAX_SKEW) > 0) {
      throw new IllegalArgumentException("clockSkew must be 0 to 60 s");
    }
    if (jwksRefreshInterval.isNegative()) {
      throw new IllegalArgumentException("jwksRefreshInterval must not be negative");
    }
    if (jwksMaxAge.compareTo(jwksRefreshInterval) < 0) {
      throw new IllegalArgumentException("jwksMaxAge must be at least jwksRefreshInterval");
    }
    if (jwksTimeout.isNegative()
        || jwksTimeout.isZero()
        || jwksTimeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("jwksTimeout must be more than 0 and at most 2 s");
    }
    if (jwksMaxBytes < 1) {
      throw new IllegalArgumentException("jwksMaxBytes must be positive");
    }
    if (verifiedTokens < 0) {
      throw new IllegalArgumentException("verifiedTokens must not be negative");
    }
  }

  /**
   * 8 KiB tokens, 60 s skew, a JWKS refetch at most once a minute and at the latest after an hour,
   * 2 s timeouts, 256 KiB JWKS documents, 100,000 remembered tokens.
   */
  public static AuthLimits defaults() {
    return new AuthLimits(
        8 * 1024,
        Duration.ofSeconds(60),
        Duration.ofMinutes(1),
        Duration.ofHours(1),
        Duration.ofSeconds(2),
        256 * 1024,
        100_000);
  }
}
