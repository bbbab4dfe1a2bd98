package com.syncwell.engine.store;

import java.time.Instant;

/** Another job holds the config's run until {@code until} (unless it extends or ends it first). */
public record ConfigRunBusy(String jobId, Instant until) implements ConfigRunOutcome {}
