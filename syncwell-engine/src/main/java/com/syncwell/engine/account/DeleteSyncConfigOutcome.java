package com.syncwell.engine.account;

/** Result of {@link DeleteSyncConfig}: {@link SyncConfigDeleted}, or a {@link Refusal}. */
public sealed interface DeleteSyncConfigOutcome
    permits SyncConfigDeleted, SyncConfigNotFound, VersionMismatch {}
