package com.syncwell.engine.port.queue;

/**
 * Approximate counts: messages ready to receive, leased (in flight), waiting out a delay, and in
 * the dead-letter queue.
 */
public record QueueDepth(long visible, long inFlight, long delayed, long deadLettered) {
  public long total() {
    return visible + inFlight + delayed;
  }
}
