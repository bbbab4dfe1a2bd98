package com.syncwell.api.traffic;

/**
 * Told about every answered request, after the answer is built.
 *
 * <p><b>Threading:</b> called concurrently from the request threads; implementations must be
 * thread-safe, quick, and must not throw (the request pipeline does not guard against it).
 */
@FunctionalInterface
public interface TrafficObserver {
  /** Observes nothing. */
  TrafficObserver IGNORED = sample -> {};

  void observe(TrafficSample sample);
}
