package com.syncwell.api.http;

/**
 * Thrown by {@link IdempotencyGate}'s {@link ResponseRecord} inside a handler's commit when the
 * idempotency key turned out taken by a request sent at the same time: it rolls that commit back.
 * Not a failure: {@link RequestPipeline} lets it through to the gate, which answers as the key
 * stands. No stack trace.
 */
final class KeyTakenInCommit extends RuntimeException {
  private static final long serialVersionUID = 1L;

  KeyTakenInCommit() {
    super("the idempotency key was taken by a concurrent request", null, false, false);
  }
}
