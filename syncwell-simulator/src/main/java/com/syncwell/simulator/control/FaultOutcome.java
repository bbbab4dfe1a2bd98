package com.syncwell.simulator.control;

/** What injected faults do to one call. */
public sealed interface FaultOutcome {
  /** Proceed normally. */
  record Proceed() implements FaultOutcome {}

  /** Answer 429. */
  record Throttle() implements FaultOutcome {}

  /** Answer with a server error. */
  record Fail(int status) implements FaultOutcome {}

  FaultOutcome PROCEED = new Proceed();
}
