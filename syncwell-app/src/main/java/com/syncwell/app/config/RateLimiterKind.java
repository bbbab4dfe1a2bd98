package com.syncwell.app.config;

/** Where rate-limit buckets live ({@code SYNCWELL_RATE_LIMITER}). */
public enum RateLimiterKind {
  LOCAL,
  REDIS
}
