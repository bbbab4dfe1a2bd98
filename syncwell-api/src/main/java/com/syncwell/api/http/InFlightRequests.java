package com.syncwell.api.http;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts requests being served so that shutdown can wait for them: once {@link #close} was called
 * no new request enters, and {@link #awaitIdle} returns when the last one left (or the wait ran
 * out). Safe for concurrent use; uses a lock rather than monitors so virtual threads never pin.
 */
public final class InFlightRequests {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private int count;
  private boolean closed;

  /** False once closed: the caller must refuse the request. */
  public boolean tryEnter() {
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      count++;
      return true;
    } finally {
      lock.unlock();
    }
  }

  public void exit() {
    lock.lock();
    try {
      count--;
      if (count == 0) {
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Lets no new request in. */
  public void close() {
    lock.lock();
    try {
      closed = true;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until no request is in flight; false when {@code timeout} passed first. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (count > 0) {
        if (nanos <= 0) {
          return false;
        }
        nanos = idle.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Requests being served right now. */
  public int count() {
    lock.lock();
    try {
      return count;
    } finally {
      lock.unlock();
    }
  }
}
