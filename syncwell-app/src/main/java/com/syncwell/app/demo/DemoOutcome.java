package com.syncwell.app.demo;

import com.syncwell.engine.store.JobStatus;
import com.syncwell.engine.sync.JobRun;
import java.util.Collection;

/**
 * How the demo went: every job of both rounds succeeded, and how many records the second round
 * wrote (it must be none).
 */
public record DemoOutcome(boolean allSucceeded, long firstRoundWritten, long secondRoundWritten) {

  static DemoOutcome of(Collection<JobRun> first, Collection<JobRun> second) {
    boolean ok =
        first.stream().allMatch(DemoOutcome::succeeded)
            && second.stream().allMatch(DemoOutcome::succeeded);
    return new DemoOutcome(ok, written(first), written(second));
  }

  public boolean isGood() {
    return allSucceeded && secondRoundWritten == 0;
  }

  private static boolean succeeded(JobRun run) {
    return run instanceof JobRun.Finished f && f.status() == JobStatus.SUCCEEDED;
  }

  private static long written(Collection<JobRun> runs) {
    return runs.stream()
        .mapToLong(r -> r instanceof JobRun.Finished f ? f.report().written() : 0)
        .sum();
  }
}
