package com.syncwell.engine.store;

/** The job is SUCCEEDED or FAILED with its report. */
public record Completed(Job job) implements CompletionOutcome {}
