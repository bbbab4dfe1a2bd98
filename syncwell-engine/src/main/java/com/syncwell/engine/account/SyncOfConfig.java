package com.syncwell.engine.account;

/** Sync one of the caller's configs now, enabled or not. */
public record SyncOfConfig(String syncConfigId) implements SyncRequest {}
