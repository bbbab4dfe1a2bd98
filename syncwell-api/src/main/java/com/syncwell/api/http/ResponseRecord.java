package com.syncwell.api.http;

/**
 * Lets a handler record its answer as the request's idempotent response inside the commit that
 * makes the request's effects, so that a crash can never leave the effects without the answer
 * (which a retry with the same {@code Idempotency-Key} would then repeat). {@link IdempotencyGate}
 * hands one to requests that hold a key; without a key it is {@link #NONE}.
 *
 * <p>{@link #record} may run on another thread (the one committing the group) and is called at most
 * once per request; the handler must then return the same response. Not calling it is always
 * correct: the gate records the returned response afterwards. It may throw: when the key is claimed
 * in the commit and turns out taken by a request sent at the same time, it throws to roll that
 * commit back, and the handler must let the exception through to the gate.
 */
@FunctionalInterface
public interface ResponseRecord {
  /** Records nothing: the request holds no idempotency key. */
  ResponseRecord NONE = response -> {};

  /** Writes {@code response} as the answer to replay; it commits with the caller's transaction. */
  void record(ApiResponse response);
}
