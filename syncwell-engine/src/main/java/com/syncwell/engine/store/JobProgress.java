package com.syncwell.engine.store;

/** Running counters of a job, updated with each lease extension. Counts only, no health values. */
public record JobProgress(long listed, long skipped, long written, long failed) {
  public static final JobProgress NONE = new JobProgress(0, 0, 0, 0);

  /**
   * The counters of a finished job: what its report says (skipped: listed, neither written nor
   * failed).
   */
  public static JobProgress of(JobReport report) {
    long handled = report.written() + report.failed();
    return new JobProgress(
        report.listed(), Math.max(0, report.listed() - handled), report.written(), report.failed());
  }

  public JobProgress {
    if (listed < 0 || skipped < 0 || written < 0 || failed < 0) {
      throw new IllegalArgumentException("progress counters must not be negative");
    }
  }
}
