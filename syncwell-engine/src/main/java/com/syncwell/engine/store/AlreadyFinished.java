package com.syncwell.engine.store;

/**
 * The job is SUCCEEDED, FAILED or CANCELLED: nothing changed. A worker acknowledges its message and
 * drops it.
 */
public record AlreadyFinished(Job job) implements ClaimOutcome, CancelOutcome {}
