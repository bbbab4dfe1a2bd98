package com.syncwell.domain.matching;

/** Nothing at the destination is or collides with the source record: write it as a new record. */
public record WriteSource() implements ConflictDecision {}
