package com.syncwell.engine.account;

/** Result of {@link UpdateSyncConfig}: {@link SyncConfigUpdated}, or a {@link Refusal}. */
public sealed interface UpdateSyncConfigOutcome
    permits SyncConfigUpdated, SyncConfigNotFound, VersionMismatch, InvalidField {}
