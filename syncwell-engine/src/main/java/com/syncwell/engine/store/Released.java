package com.syncwell.engine.store;

/** The job is QUEUED again without a lease: the next delivery of its message may claim it. */
public record Released(Job job) implements ReleaseOutcome {}
