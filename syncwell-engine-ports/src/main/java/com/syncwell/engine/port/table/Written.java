package com.syncwell.engine.port.table;

/** The write happened; the item now has {@code version}. */
public record Written(long version) implements PutOutcome, UpdateOutcome {}
