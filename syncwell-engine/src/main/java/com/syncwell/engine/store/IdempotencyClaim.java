package com.syncwell.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link IdempotencyStore#begin} decided for a request carrying an {@code Idempotency-Key}
 * (ARCHITECTURE.md §9).
 */
public sealed interface IdempotencyClaim {

  /**
   * This caller owns the key now, for {@link IdempotencyStore#IN_FLIGHT_LEASE}: it runs the request
   * and then calls {@link IdempotencyStore#complete} with the response, or {@link
   * IdempotencyStore#release} when the request failed in a way the client may retry (a 5xx).
   *
   * @param requestHash the hash of the request that holds the claim
   * @param claimedAt when the claim was written (the record expires {@link
   *     IdempotencyStore#RETENTION} after it)
   * @param claimVersion the record's version written by this claim; it fences {@code complete} and
   *     {@code release}, so a claim that was taken over can no longer change the record
   */
  record Proceed(String requestHash, Instant claimedAt, long claimVersion)
      implements IdempotencyClaim {
    public Proceed {
      Objects.requireNonNull(requestHash, "requestHash");
      Objects.requireNonNull(claimedAt, "claimedAt");
      if (claimVersion < 1) {
        throw new IllegalArgumentException("a claim version is at least 1, was " + claimVersion);
      }
    }
  }

  /** The same request finished before: answer with {@code response} again. */
  record Replay(StoredResponse response) implements IdempotencyClaim {
    public Replay {
      Objects.requireNonNull(response, "response");
    }
  }

  /** The first request with this key is still running (409), whichever its request hash. */
  record InFlight() implements IdempotencyClaim {}

  /** The key was used for another request (another request hash) (422). */
  record KeyReused() implements IdempotencyClaim {}
}
