/**
 * Shared rate limiting on Redis with a local fallback: {@link com.syncwell.redis.RedisRateLimiter},
 * the scale-out adapter of the {@link com.syncwell.engine.port.limit.RateLimiter} port (Bucket4j
 * compare-and-swap buckets through Lettuce), answering from a per-node {@link
 * com.syncwell.engine.limit.LocalRateLimiter} while Redis does not.
 */
package com.syncwell.redis;
