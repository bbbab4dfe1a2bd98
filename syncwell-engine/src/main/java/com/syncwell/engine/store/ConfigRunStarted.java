package com.syncwell.engine.store;

/** The job now holds the config's run. */
public record ConfigRunStarted(ConfigRun run) implements ConfigRunOutcome {}
