package com.syncwell.engine.store;

/** Result of {@link JobStore#extendLease}. */
public sealed interface LeaseOutcome permits LeaseExtended, LeaseLost, JobMissing {}
