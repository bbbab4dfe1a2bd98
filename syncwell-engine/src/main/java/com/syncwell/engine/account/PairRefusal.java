package com.syncwell.engine.account;

/**
 * Why a source connection, a destination connection and a data type cannot be synced: the checks
 * shared by {@link CreateSyncConfig} and {@link RequestSync}.
 */
public sealed interface PairRefusal extends Refusal, CreateSyncConfigOutcome, RequestSyncOutcome
    permits ConnectionNotFound,
        ConnectionNotUsable,
        SameConnection,
        DataTypeNotReadable,
        DataTypeNotWritable {}
