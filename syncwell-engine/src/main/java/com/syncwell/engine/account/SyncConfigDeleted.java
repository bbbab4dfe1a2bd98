package com.syncwell.engine.account;

/** The config is gone; a job of it still queued is cancelled when a worker picks it up. */
public record SyncConfigDeleted() implements DeleteSyncConfigOutcome {}
