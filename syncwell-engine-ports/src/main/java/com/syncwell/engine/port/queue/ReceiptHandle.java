package com.syncwell.engine.port.queue;

import java.util.Objects;

/**
 * Proof of one lease on one delivery of a message. Each delivery has a new handle; only the newest
 * handle of a message acknowledges it or changes its visibility.
 */
public record ReceiptHandle(String value) {
  public ReceiptHandle {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("receipt handle must not be empty");
    }
  }
}
