package com.syncwell.engine.account;

/** Result of {@link GetSyncJob}: {@link SyncJobFound}, or a {@link Refusal}. */
public sealed interface GetSyncJobOutcome permits SyncJobFound, SyncJobNotFound {}
