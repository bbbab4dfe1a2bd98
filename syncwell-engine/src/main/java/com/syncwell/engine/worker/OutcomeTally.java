package com.syncwell.engine.worker;

import java.util.concurrent.atomic.LongAdder;

/** Running counts behind {@link WorkerCounts}; safe for concurrent use. */
final class OutcomeTally {
  final LongAdder finished = new LongAdder();
  final LongAdder notRun = new LongAdder();
  final LongAdder deferred = new LongAdder();
  final LongAdder poison = new LongAdder();
  final LongAdder rateLimited = new LongAdder();
  final LongAdder hops = new LongAdder();
  final LongAdder retried = new LongAdder();
  final LongAdder released = new LongAdder();

  WorkerCounts snapshot() {
    return new WorkerCounts(
        finished.sum(),
        notRun.sum(),
        deferred.sum(),
        poison.sum(),
        rateLimited.sum(),
        hops.sum(),
        retried.sum(),
        released.sum());
  }
}
