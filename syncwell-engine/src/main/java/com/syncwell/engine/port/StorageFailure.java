package com.syncwell.engine.port;

/**
 * The storage or queue engine behind a port failed (I/O, unreachable, corrupt, busy beyond its
 * timeout). Retriable as a whole: the operation either happened completely or not at all.
 */
public final class StorageFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
