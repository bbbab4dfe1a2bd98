package com.syncwell.engine.store;

/** Result of {@link LedgerStore#beginWrite}. */
public sealed interface BeginWriteOutcome permits WriteBegun, AlreadyRecorded {}
