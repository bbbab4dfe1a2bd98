package com.syncwell.testkit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded waits for tests: a broken hand-over fails its test after 10 s instead of hanging it. */
public final class Await {
  /** How long a wait may take before the test fails. */
  public static final Duration BOUND = Duration.ofSeconds(10);

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private Await() {}

  /** Polls {@code condition} until it holds; fails (AssertionError) after {@link #BOUND}. */
  public static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  /**
   * Waits for {@code latch} to open; throws {@link IllegalStateException} after {@link #BOUND} or
   * when interrupted (the interrupt is kept), so a handler blocked on it fails instead of hanging.
   */
  public static void released(CountDownLatch latch) {
    try {
      if (!latch.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
