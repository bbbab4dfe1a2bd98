package com.syncwell.engine.store;

/** Result of {@link JobStore#succeed} and {@link JobStore#fail}. */
public sealed interface CompletionOutcome permits Completed, LeaseLost, JobMissing {}
