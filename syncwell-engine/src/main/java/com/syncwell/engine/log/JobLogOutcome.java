package com.syncwell.engine.log;

/**
 * How a job run ended, for log sampling: a run that failed keeps all its lines; any other is kept
 * only when its job id falls in its tier's sample.
 */
public enum JobLogOutcome {
  /** The job completed SUCCEEDED. */
  SUCCEEDED(false),
  /** The job completed FAILED (a revoked grant, a refused listing, a gone connection). */
  FAILED(true),
  /** The delivery failed (a transient error, a bug) and the message comes back later. */
  RETRY(true),
  /** A provider's rate limit stopped the run; the message comes back after the reset. */
  RATE_LIMITED(false),
  /** Nothing was run: the job is finished, leased elsewhere, gone, or its config is disabled. */
  NOT_RUN(false),
  /** The message arrived before its due time and was re-sent for later. */
  DEFERRED(false);

  private final boolean keepsAllLines;

  JobLogOutcome(boolean keepsAllLines) {
    this.keepsAllLines = keepsAllLines;
  }

  /** True when every line of a run that ended so is kept, whatever the sample says. */
  public boolean keepsAllLines() {
    return keepsAllLines;
  }
}
