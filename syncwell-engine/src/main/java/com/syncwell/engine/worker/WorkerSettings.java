package com.syncwell.engine.worker;

import com.syncwell.engine.port.queue.ReceiveRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * How the workers use the queue.
 *
 * @param concurrency most jobs running at once in this process ({@code
 *     SYNCWELL_WORKER_CONCURRENCY})
 * @param batchSize most messages one receive takes (1 to 10)
 * @param waitTime long-poll wait of one receive (0 to 20 s, real time)
 * @param visibilityTimeout lease of a received message; at least 6 × the worst-case job time
 *     (ARCHITECTURE.md §6), and extended by heartbeats while the message is held
 * @param heartbeatEvery how often held messages get their lease extended; shorter than the lease
 * @param stopGrace how long a graceful stop waits for running jobs
 * @param retryBase backoff after the first failed delivery; doubles with each further delivery
 */
public record WorkerSettings(
    int concurrency,
    int batchSize,
    Duration waitTime,
    Duration visibilityTimeout,
    Duration heartbeatEvery,
    Duration stopGrace,
    Duration retryBase) {

  /** 15 minutes: 6 × a 2.5-minute worst-case job; heartbeats cover longer ones. */
  public static final Duration DEFAULT_VISIBILITY = Duration.ofMinutes(15);

  public static final Duration DEFAULT_RETRY_BASE = Duration.ofSeconds(30);

  public WorkerSettings {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
    if (batchSize < 1 || batchSize > ReceiveRequest.MAX_MESSAGES) {
      throw new IllegalArgumentException(
          "batch size must be 1 to " + ReceiveRequest.MAX_MESSAGES + ", was " + batchSize);
    }
    requireBetween("wait time", waitTime, Duration.ZERO, ReceiveRequest.MAX_WAIT);
    requireBetween(
        "visibility timeout",
        visibilityTimeout,
        Duration.ofSeconds(1),
        ReceiveRequest.MAX_VISIBILITY);
    requireBetween("heartbeat interval", heartbeatEvery, Duration.ofMillis(1), visibilityTimeout);
    if (heartbeatEvery.equals(visibilityTimeout)) {
      throw new IllegalArgumentException("heartbeats must come more often than the lease runs out");
    }
    requireBetween("stop grace", stopGrace, Duration.ZERO, Duration.ofHours(1));
    requireBetween("retry base", retryBase, Duration.ofMillis(1), ReceiveRequest.MAX_VISIBILITY);
  }

  /**
   * Batches of 10, 20 s long polls, a {@link #DEFAULT_VISIBILITY} lease with a heartbeat every
   * third of it, 30 s to stop, 30 s retry base.
   */
  public static WorkerSettings defaults(int concurrency) {
    return new WorkerSettings(
        concurrency,
        ReceiveRequest.MAX_MESSAGES,
        ReceiveRequest.MAX_WAIT,
        DEFAULT_VISIBILITY,
        DEFAULT_VISIBILITY.dividedBy(3),
        Duration.ofSeconds(30),
        DEFAULT_RETRY_BASE);
  }

  /** The same settings with another lease, heartbeating every third of it. */
  public WorkerSettings withVisibilityTimeout(Duration lease) {
    return new WorkerSettings(
        concurrency, batchSize, waitTime, lease, lease.dividedBy(3), stopGrace, retryBase);
  }

  public WorkerSettings withBatchSize(int size) {
    return new WorkerSettings(
        concurrency, size, waitTime, visibilityTimeout, heartbeatEvery, stopGrace, retryBase);
  }

  public WorkerSettings withWaitTime(Duration wait) {
    return new WorkerSettings(
        concurrency, batchSize, wait, visibilityTimeout, heartbeatEvery, stopGrace, retryBase);
  }

  /**
   * How many receive loops run: enough that the loops' batches can keep every job slot busy, and no
   * more, so few messages sit leased but not started.
   */
  public int receivers() {
    return Math.max(1, (concurrency + batchSize - 1) / batchSize);
  }

  private static void requireBetween(String what, Duration value, Duration min, Duration max) {
    Objects.requireNonNull(value, what);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          what + " must be " + min + " to " + max + ", was " + value);
    }
  }
}
