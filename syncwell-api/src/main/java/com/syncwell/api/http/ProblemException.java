package com.syncwell.api.http;

import java.util.Objects;

/**
 * Thrown inside the pipeline and handlers to refuse a request with a {@link Problem} (a malformed
 * body, a missing header): the pipeline answers with it. Cheap (no stack trace); never escapes the
 * pipeline.
 */
public final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.code(), null, false, false);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public Problem problem() {
    return problem;
  }
}
