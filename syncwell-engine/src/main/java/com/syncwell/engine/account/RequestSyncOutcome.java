package com.syncwell.engine.account;

/** Result of {@link RequestSync}: {@link SyncRequested}, or a {@link Refusal}. */
public sealed interface RequestSyncOutcome
    permits SyncRequested, InvalidField, SyncConfigNotFound, PairRefusal, AccountBeingErased {}
