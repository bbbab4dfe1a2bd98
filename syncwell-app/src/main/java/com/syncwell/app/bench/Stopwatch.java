package com.syncwell.app.bench;

import java.time.Duration;
import java.util.Arrays;

/** Runs an operation for a warm-up and then for a measured duration, in one thread. */
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
    long[] samples = new long[1024];
    int count = 0;
    long ops = 0;
    long start = System.nanoTime();
    long end = start + measure.toNanos();
    long now = start;
    while (now < end) {
      long before = now;
      ops += operation.run(i++);
      now = System.nanoTime();
      if (count < MAX_SAMPLES) {
        if (count == samples.length) {
          samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[count++] = now - before;
      }
    }
    return new Measurement(name, ops, Duration.ofNanos(now - start), Arrays.copyOf(samples, count));
  }
}
