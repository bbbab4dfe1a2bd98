package com.syncwell.engine.account;

/** Result of {@link GetSyncConfig}: {@link SyncConfigFound}, or a {@link Refusal}. */
public sealed interface GetSyncConfigOutcome permits SyncConfigFound, SyncConfigNotFound {}
