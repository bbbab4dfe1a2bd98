package com.syncwell.engine.sync;

import com.syncwell.connector.TimeWindow;
import com.syncwell.engine.store.Job;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a caller of {@link RequestSyncJob} decided inside the commit, from what it read there: no
 * job, or a job for one of the user's configs.
 *
 * @param <R> what the caller answers
 */
public sealed interface JobDecision<R> {

  /** No job; the caller answers {@code outcome}. */
  record NoJob<R>(R outcome) implements JobDecision<R> {
    public NoJob {
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /**
   * A job for {@code configId}, historical when {@code window} is present; the caller answers
   * {@code outcome} of the created job.
   */
  record CreateJob<R>(String configId, Optional<TimeWindow> window, Function<Job, R> outcome)
      implements JobDecision<R> {
    public CreateJob {
      Objects.requireNonNull(configId, "configId");
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(outcome, "outcome");
    }
  }
}
