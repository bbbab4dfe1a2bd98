package com.syncwell.simulator.control;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The active fault rules. Empty by default, and then free. */
public final class Faults {
  private record Active(FaultRule rule, SplittableRandom random) {}

  private volatile List<Active> active = List.of();

  public synchronized void set(List<FaultRule> rules) {
    List<Active> next = new ArrayList<>();
    for (FaultRule r : rules) {
      next.add(
          new Active(
              r, r.seed() == null ? new SplittableRandom() : new SplittableRandom(r.seed())));
    }
    active = List.copyOf(next);
  }

  public List<FaultRule> rules() {
    return active.stream().map(Active::rule).toList();
  }

  /** Applies latency (real waiting) and decides the outcome of one call. */
  public FaultOutcome apply(String provider, String user, String routeKey) {
    List<Active> rules = active;
    if (rules.isEmpty()) {
      return FaultOutcome.PROCEED;
    }
    FaultOutcome outcome = FaultOutcome.PROCEED;
    for (Active a : rules) {
      FaultRule r = a.rule();
      if (!r.applies(provider, user, routeKey)) {
        continue;
      }
      if (r.latencyMillis() > 0) {
        try {
          Thread.sleep(r.latencyMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (outcome instanceof FaultOutcome.Proceed) {
        if (r.throttle()) {
          outcome = new FaultOutcome.Throttle();
        } else if (r.errorRate() > 0) {
          double draw;
          synchronized (a.random()) {
            draw = a.random().nextDouble();
          }
          if (draw < r.errorRate()) {
            outcome = new FaultOutcome.Fail(r.errorStatus() == 0 ? 500 : r.errorStatus());
          }
        }
      }
    }
    return outcome;
  }
}
