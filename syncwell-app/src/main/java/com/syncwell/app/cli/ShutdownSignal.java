package com.syncwell.app.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a foreground command running until SIGTERM/SIGINT (or {@link #trigger()} in tests), then
 * lets it stop its parts in order while the JVM's shutdown waits for it (bounded).
 */
final class ShutdownSignal {
  static final Duration STOP_BOUND = Duration.ofSeconds(30);

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread hook;

  ShutdownSignal() {
    hook =
        new Thread(
            () -> {
              requested.countDown();
              try {
                stopped.await(STOP_BOUND.toSeconds(), TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "syncwell-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Blocks until a stop is requested. */
  void awaitRequest() throws InterruptedException {
    requested.await();
  }

  /** Requests a stop, as a signal would. */
  void trigger() {
    requested.countDown();
  }

  /** The command has stopped everything; a waiting shutdown may finish. */
  void stopped() {
    stopped.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already stopping: the hook is running and now returns
    }
  }
}
