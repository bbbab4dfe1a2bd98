package com.syncwell.engine.store;

/** The entry was created PENDING: this caller owns the write to the destination. */
public record WriteBegun(LedgerEntry entry) implements BeginWriteOutcome {}
