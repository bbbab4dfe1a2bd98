package com.syncwell.redis;

/**
 * Hears when {@link RedisRateLimiter} answers without Redis, e.g. to count it in a metric ({@code
 * counter::increment} fits {@link #answeredLocally}).
 *
 * <p><b>Threading:</b> called on the deciding request's thread, possibly from many threads at once;
 * implementations must be cheap, thread-safe and must not throw.
 */
@FunctionalInterface
public interface FallbackListener {
  /** Hears nothing. */
  FallbackListener NONE = () -> {};

  /** One decision was answered by the local (per-node) limiter instead of Redis. */
  void answeredLocally();

  /**
   * A request to Redis failed (refused while disconnected, timed out, or the connection broke), so
   * the limiter answers locally until its next probe.
   *
   * @param cause what the Redis client reported; its message may name the server, never a key
   */
  default void redisFailed(Throwable cause) {}

  /**
   * Redis answered again (or a first connection succeeded) after failures; decisions are shared.
   */
  default void redisRecovered() {}
}
