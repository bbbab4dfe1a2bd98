package com.syncwell.engine.store;

/** Result of {@link JobStore#release}. */
public sealed interface ReleaseOutcome permits Released, LeaseLost, JobMissing {}
