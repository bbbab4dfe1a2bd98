package com.syncwell.engine.account;

/** Result of {@link CreateSyncConfig}: {@link SyncConfigCreated}, or a {@link Refusal}. */
public sealed interface CreateSyncConfigOutcome
    permits SyncConfigCreated, InvalidField, SyncConfigExists, PairRefusal, AccountBeingErased {}
