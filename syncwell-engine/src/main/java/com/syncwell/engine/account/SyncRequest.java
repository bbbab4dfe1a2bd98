package com.syncwell.engine.account;

/**
 * The body of {@code POST /v1/sync-jobs}: a stored config ({@link SyncOfConfig}) or a source,
 * destination and data type ({@link SyncOfPair}).
 */
public sealed interface SyncRequest permits SyncOfConfig, SyncOfPair {}
