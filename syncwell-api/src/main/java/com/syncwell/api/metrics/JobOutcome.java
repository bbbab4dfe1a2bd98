package com.syncwell.api.metrics;

import java.util.Locale;

/**
 * How one run of a sync-job message ended, the {@code outcome} dimension of the job meters. Only
 * {@link #SUCCEEDED}, {@link #FAILED} and {@link #DEAD_LETTERED} end a job; the others are attempts
 * whose message comes back (or, for {@link #NOT_RUN}, had nothing to do).
 */
public enum JobOutcome {
  /** The job ran to SUCCEEDED. */
  SUCCEEDED,
  /** The job ran to FAILED for good (e.g. a revoked grant); handled, not dead-lettered. */
  FAILED,
  /** Nothing to run: finished already, leased elsewhere, gone or disabled. */
  NOT_RUN,
  /** Not now: another job of the same config runs; the job is queued again. */
  DEFERRED,
  /** A provider's rate limit put the message back until its reset. */
  RATE_LIMITED,
  /** A transient failure put the message back with a backoff; it has deliveries left. */
  RETRIED,
  /** A failure on the message's last delivery: the queue moves it to the dead-letter queue. */
  DEAD_LETTERED;

  /** The tag value: the lower-case name. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the job is over after this outcome (the hot-path SLO's denominator). */
  public boolean endsJob() {
    return this == SUCCEEDED || this == FAILED || this == DEAD_LETTERED;
  }
}
