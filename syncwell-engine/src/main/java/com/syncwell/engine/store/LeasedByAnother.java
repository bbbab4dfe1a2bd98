package com.syncwell.engine.store;

/** Another worker holds the job under a lease that has not expired: nothing changed. */
public record LeasedByAnother(Job job) implements ClaimOutcome {}
