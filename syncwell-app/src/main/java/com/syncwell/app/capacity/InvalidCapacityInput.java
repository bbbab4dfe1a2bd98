package com.syncwell.app.capacity;

/** A price file, traffic profile or throughput figure that cannot be used; the message says why. */
public final class InvalidCapacityInput extends RuntimeException {
  public InvalidCapacityInput(String message) {
    super(message);
  }

  public InvalidCapacityInput(String message, Throwable cause) {
    super(message, cause);
  }
}
