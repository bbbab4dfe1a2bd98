package com.syncwell.engine.store;

/** Result of {@link JobStore#cancel}. */
public sealed interface CancelOutcome permits Cancelled, AlreadyFinished, JobMissing {}
