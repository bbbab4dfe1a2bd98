package com.syncwell.engine.store;

import java.time.Instant;
import java.util.Objects;

/** A job's hold on running its sync config, until {@code expiresAt} unless extended. */
public record ConfigRun(
    String userId, String configId, String jobId, Instant expiresAt, long version) {
  public ConfigRun {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(configId, "configId");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
