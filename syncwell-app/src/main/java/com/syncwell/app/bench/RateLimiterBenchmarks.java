package com.syncwell.app.bench;

import com.syncwell.engine.port.limit.RateLimiter;
import com.syncwell.engine.port.limit.RatePolicy;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Rate-limit checks per second: {@link RateLimiter#tryConsume} with the API's per-user policy (10
 * per second, burst 20) over {@value #USERS} user keys in turn, from one thread or several at once.
 * Allowed and throttled answers count alike; each is one decision.
 */
public final class RateLimiterBenchmarks {
  static final int USERS = 10_000;
  private static final RatePolicy USER_POLICY = RatePolicy.tokenBucket("bench-user", 10, 20);

  private final Stopwatch stopwatch;
  private final PrintWriter out;

  /** Each benchmark measured for {@code perBenchmark} after a warm-up of a third of that. */
  public RateLimiterBenchmarks(Duration perBenchmark, PrintWriter out) {
    this.stopwatch = new Stopwatch(perBenchmark.dividedBy(3), perBenchmark);
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Times checks on {@code limiter} from {@code threads} threads and prints one line. {@code
   * requests} counts what the limiter's engine received so far (e.g. Redis commands; a constant for
   * an in-process limiter; negative when unknown); the result carries those per check, warm-up
   * included (NaN when unknown).
   */
  public EngineMeasurement run(String name, RateLimiter limiter, int threads, LongSupplier requests)
      throws Exception {
    LongAdder checks = new LongAdder();
    long before = requests.getAsLong();
    long cpuBefore = ProcessCpuTime.nanos();
    Measurement m =
        stopwatch.time(
            name,
            threads,
            i -> {
              limiter.tryConsume(USER_POLICY, "u-" + (i % USERS));
              checks.increment();
              return 1;
            });
    long cpuAfter = ProcessCpuTime.nanos();
    long after = requests.getAsLong();
    out.println(m.line());
    out.flush();
    long done = checks.sum();
    return new EngineMeasurement(
        m,
        before < 0 || after < 0 || done == 0 ? Double.NaN : (double) (after - before) / done,
        ProcessCpuTime.microsPer(cpuBefore, cpuAfter, done));
  }
}
