package com.syncwell.engine.port;

/**
 * The storage or queue engine behind a port failed (I/O, unreachable, corrupt, busy beyond its
 * timeout). Retriable: the operation happened completely or not at all, and the caller cannot tell
 * which, so it retries idempotently (a conditional write that did happen then reports a conflict,
 * which the caller resolves by reading again).
 */
public final class StorageFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
