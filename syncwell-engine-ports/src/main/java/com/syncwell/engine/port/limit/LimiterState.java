package com.syncwell.engine.port.limit;

/** Where a {@link RateLimiter}'s decisions come from right now; readiness reports it. */
public enum LimiterState {
  /** An in-process limiter by design: buckets are per node. */
  LOCAL,
  /** The shared store answers: buckets are shared by every node. */
  SHARED,
  /** The shared store is unreachable: this node answers from its own buckets until it returns. */
  FALLBACK
}
