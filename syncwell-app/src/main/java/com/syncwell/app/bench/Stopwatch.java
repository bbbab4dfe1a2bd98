package com.syncwell.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs an operation for a warm-up and then for a measured duration, in one thread or in several
 * threads at once.
 */
final class Stopwatch {
  private static final int MAX_SAMPLES = 2_000_000;
  private final Duration warmUp;
  private final Duration measure;

  Stopwatch(Duration warmUp, Duration measure) {
    this.warmUp = warmUp;
    this.measure = measure;
  }

  Measurement time(String name, Operation operation) throws Exception {
    long i = 0;
    long warmEnd = System.nanoTime() + warmUp.toNanos();
    while (System.nanoTime() < warmEnd) {
      operation.run(i++);
    }
    long start = System.nanoTime();
    Run run = measure(operation, i, 1, start, start + measure.toNanos(), MAX_SAMPLES);
    return new Measurement(name, run.ops(), Duration.ofNanos(run.lastEnd() - start), run.samples());
  }

  /**
   * {@code threads} threads run {@code operation} at once, each for the warm-up and then for the
   * measured duration; thread {@code t} passes {@code t, t + threads, t + 2 * threads, ...}. The
   * measurement holds every thread's operations and latencies over the common measured span.
   */
  Measurement time(String name, int threads, Operation operation) throws Exception {
    if (threads == 1) {
      return time(name, operation);
    }
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[2];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Run>> runs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        runs.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  long i = first;
                  while (System.nanoTime() < window[0]) {
                    operation.run(i);
                    i += threads;
                  }
                  return measure(
                      operation, i, threads, window[0], window[1], MAX_SAMPLES / threads);
                }));
      }
      ready.await();
      long warmEnd = System.nanoTime() + warmUp.toNanos();
      window[0] = warmEnd;
      window[1] = warmEnd + measure.toNanos();
      go.countDown(); // publishes window to the threads
      long ops = 0;
      long lastEnd = window[0];
      long[] samples = new long[0];
      for (Future<Run> f : runs) {
        Run run = result(f);
        ops += run.ops();
        lastEnd = Math.max(lastEnd, run.lastEnd());
        int from = samples.length;
        samples = Arrays.copyOf(samples, from + run.samples().length);
        System.arraycopy(run.samples(), 0, samples, from, run.samples().length);
      }
      return new Measurement(name, ops, Duration.ofNanos(lastEnd - window[0]), samples);
    } finally {
      pool.shutdownNow();
    }
  }

  private record Run(long ops, long lastEnd, long[] samples) {}

  /** Runs until {@code end}, waiting for {@code start} first; i advances by {@code step}. */
  private static Run measure(
      Operation operation, long firstIndex, int step, long start, long end, int maxSamples)
      throws Exception {
    long[] samples = new long[1024];
    int count = 0;
    long ops = 0;
    long i = firstIndex;
    long now = System.nanoTime();
    while (now < start) {
      now = System.nanoTime();
    }
    while (now < end) {
      long before = now;
      ops += operation.run(i);
      i += step;
      now = System.nanoTime();
      if (count < maxSamples) {
        if (count == samples.length) {
          samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[count++] = now - before;
      }
    }
    return new Run(ops, now, Arrays.copyOf(samples, count));
  }

  private static Run result(Future<Run> run) throws Exception {
    try {
      return run.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
