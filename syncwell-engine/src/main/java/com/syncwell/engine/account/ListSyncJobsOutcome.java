package com.syncwell.engine.account;

/** Result of {@link ListSyncJobs}: {@link SyncJobPage}, or a {@link Refusal}. */
public sealed interface ListSyncJobsOutcome permits SyncJobPage, InvalidField, InvalidPageToken {}
