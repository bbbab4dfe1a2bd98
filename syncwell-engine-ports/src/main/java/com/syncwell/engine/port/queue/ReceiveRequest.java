package com.syncwell.engine.port.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * How to receive: up to {@code maxMessages} (1 to 10), waiting up to {@code waitTime} (0 to 20 s,
 * real time) for the first message, leasing each received message for {@code visibilityTimeout} (0
 * to 12 h).
 */
public record ReceiveRequest(int maxMessages, Duration waitTime, Duration visibilityTimeout) {
  public static final int MAX_MESSAGES = 10;
  public static final Duration MAX_WAIT = Duration.ofSeconds(20);
  public static final Duration MAX_VISIBILITY = Duration.ofHours(12);

  public ReceiveRequest {
    if (maxMessages < 1 || maxMessages > MAX_MESSAGES) {
      throw new IllegalArgumentException(
          "maxMessages must be 1 to " + MAX_MESSAGES + ", was " + maxMessages);
    }
    requireWithin("wait time", waitTime, MAX_WAIT);
    requireWithin("visibility timeout", visibilityTimeout, MAX_VISIBILITY);
  }

  public static ReceiveRequest of(int maxMessages, Duration visibilityTimeout) {
    return new ReceiveRequest(maxMessages, Duration.ZERO, visibilityTimeout);
  }

  public ReceiveRequest waitingUpTo(Duration newWait) {
    return new ReceiveRequest(maxMessages, newWait, visibilityTimeout);
  }

  static void requireWithin(String what, Duration value, Duration max) {
    Objects.requireNonNull(value, what);
    if (value.isNegative() || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(what + " must be 0 to " + max + ", was " + value);
    }
  }
}
