package com.syncwell.engine.store;

import java.util.List;

/**
 * What a finished job did (ARCHITECTURE.md §8 step 10), stored as JSON in the job item. {@code
 * failures} keeps at most {@link #MAX_FAILURES_LISTED} entries (the item must stay small); {@code
 * failed} counts them all.
 */
public record JobReport(
    long listed,
    long duplicatesSkipped,
    long conflictsSourceWon,
    long conflictsDestinationWon,
    long hydrated,
    long written,
    long failed,
    List<RecordFailure> failures,
    long providerCalls,
    long providerBytes) {
  public static final int MAX_FAILURES_LISTED = 100;

  public JobReport {
    failures =
        List.copyOf(
            failures.size() > MAX_FAILURES_LISTED
                ? failures.subList(0, MAX_FAILURES_LISTED)
                : failures);
  }

  /** A report of a job that found nothing to do. */
  public static JobReport empty() {
    return new JobReport(0, 0, 0, 0, 0, 0, 0, List.of(), 0, 0);
  }
}
