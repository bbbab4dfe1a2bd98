package com.syncwell.engine.store;

/**
 * The caller no longer holds the job: another worker claimed it after the lease expired, or it was
 * cancelled or finished. Nothing changed; the caller stops working on it.
 */
public record LeaseLost(Job job) implements LeaseOutcome, CompletionOutcome, ReleaseOutcome {}
