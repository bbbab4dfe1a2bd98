package com.syncwell.engine.port.queue;

import java.util.Objects;

/** Identifier the queue gives a message when it is sent; stable across deliveries. */
public record MessageId(String value) {
  public MessageId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value;
  }
}
