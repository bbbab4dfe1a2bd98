package com.syncwell.store.sqlite;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes long-polling receivers of one queue object when this process makes a message visible.
 * Arrivals are counted, so a receiver that read the count before looking at the table never misses
 * one announced after it looked.
 */
final class ArrivalSignal {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private long arrivals;

  /** The number of arrivals announced so far. */
  long count() {
    lock.lock();
    try {
      return arrivals;
    } finally {
      lock.unlock();
    }
  }

  void announce() {
    lock.lock();
    try {
      arrivals++;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits up to {@code nanos} unless an arrival was announced after {@code seen}. */
  void awaitArrivalAfter(long seen, long nanos) throws InterruptedException {
    lock.lock();
    try {
      long left = nanos;
      while (arrivals == seen && left > 0) {
        left = arrived.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }
}
