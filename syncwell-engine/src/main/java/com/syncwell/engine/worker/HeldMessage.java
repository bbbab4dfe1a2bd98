package com.syncwell.engine.worker;

import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.ReceivedMessage;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * One delivery this process holds, running or waiting to run. Its lease is extended by heartbeats
 * until it is settled — deleted, released or put back with a delay — exactly once; a heartbeat
 * never races the settling call, so it cannot undo a backoff.
 */
final class HeldMessage {
  private final ReceivedMessage message;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean settled;

  HeldMessage(ReceivedMessage message) {
    this.message = Objects.requireNonNull(message, "message");
  }

  ReceivedMessage message() {
    return message;
  }

  /**
   * Extends the lease to {@code lease} from now unless settled; false when the queue says the lease
   * is no longer ours (it ran out and someone else may hold the message).
   */
  boolean extend(JobQueue queue, Duration lease) {
    lock.lock();
    try {
      return settled || queue.changeVisibility(message.receipt(), lease);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Settles the delivery with {@code action} (a queue call on this message) unless already settled;
   * returns what the action returned, or false when it was settled before.
   */
  boolean settle(Predicate<ReceivedMessage> action) {
    lock.lock();
    try {
      if (settled) {
        return false;
      }
      settled = true;
      return action.test(message);
    } finally {
      lock.unlock();
    }
  }
}
