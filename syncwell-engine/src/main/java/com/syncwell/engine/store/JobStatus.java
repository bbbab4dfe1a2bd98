package com.syncwell.engine.store;

/** Where a sync job is in its life: QUEUED → RUNNING → SUCCEEDED | FAILED, or CANCELLED. */
public enum JobStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  /** True for SUCCEEDED, FAILED and CANCELLED: the job is over and cannot be claimed again. */
  public boolean isFinished() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
