package com.syncwell.engine.port.table;

/** The item was deleted. */
public record Deleted() implements DeleteOutcome {}
