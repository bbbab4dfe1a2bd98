package com.syncwell.engine.port.limit;

/**
 * Token buckets keyed by caller (ARCHITECTURE.md §9 limits): one bucket per {@code (policy, key)}
 * pair, created full on first use and forgotten by the adapter some time after it is full again.
 *
 * <p><b>Threading:</b> safe for concurrent use; two callers consuming from the same bucket at once
 * never both get the last token. <b>Consistency:</b> every node using the same backing store (one
 * process for the local adapter, one Redis for the shared one) sees the same buckets.
 * <b>Failure:</b> an adapter whose store is unreachable answers from a local fallback rather than
 * throwing; the API must keep serving (issue #6).
 */
public interface RateLimiter {

  /**
   * Takes one token from the bucket {@code key} under {@code policy}.
   *
   * @param key the caller, e.g. a keyed hash of the user id or the client IP; never a raw user id
   *     in a shared store
   * @return {@link RateDecision.Allowed} with what is left, or {@link RateDecision.Throttled} with
   *     when the next token arrives
   */
  RateDecision tryConsume(RatePolicy policy, String key);

  /** Where decisions come from now; an adapter with a shared store overrides it. */
  default LimiterState state() {
    return LimiterState.LOCAL;
  }
}
