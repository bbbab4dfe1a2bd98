package com.syncwell.connector.http;

import java.util.concurrent.atomic.LongAdder;

/** Counts provider calls, response bytes and throttled answers; safe from any thread. */
public final class CallMeter {
  private final LongAdder calls = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final LongAdder throttled = new LongAdder();

  public void recordCall(long responseBytes) {
    calls.increment();
    bytes.add(responseBytes);
  }

  public void recordThrottled() {
    throttled.increment();
  }

  public long calls() {
    return calls.sum();
  }

  public long bytes() {
    return bytes.sum();
  }

  public long throttled() {
    return throttled.sum();
  }
}
