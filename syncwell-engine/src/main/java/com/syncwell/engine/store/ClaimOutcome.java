package com.syncwell.engine.store;

/** Result of {@link JobStore#claim}. */
public sealed interface ClaimOutcome
    permits Claimed, AlreadyFinished, LeasedByAnother, JobMissing {}
