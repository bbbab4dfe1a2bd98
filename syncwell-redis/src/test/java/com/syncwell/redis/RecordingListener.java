package com.syncwell.redis;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link FallbackListener} that remembers what it heard. */
final class RecordingListener implements FallbackListener {
  final AtomicInteger localAnswers = new AtomicInteger();
  final AtomicInteger recoveries = new AtomicInteger();
  final List<Throwable> failures = new CopyOnWriteArrayList<>();

  @Override
  public void answeredLocally() {
    localAnswers.incrementAndGet();
  }

  @Override
  public void redisFailed(Throwable cause) {
    failures.add(cause);
  }

  @Override
  public void redisRecovered() {
    recoveries.incrementAndGet();
  }
}
