package com.syncwell.engine.store;

/** The job is CANCELLED; a worker running it loses its lease at its next extension. */
public record Cancelled(Job job) implements CancelOutcome {}
