package com.syncwell.engine.store;

/** The lease now runs until the job's new {@code leaseExpiresAt}. */
public record LeaseExtended(Job job) implements LeaseOutcome {}
