package com.syncwell.engine.store;

/** This worker now holds the job, RUNNING, until its lease expires. */
public record Claimed(Job job) implements ClaimOutcome {}
