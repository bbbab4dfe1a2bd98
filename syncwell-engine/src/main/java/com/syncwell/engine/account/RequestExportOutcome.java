package com.syncwell.engine.account;

/** Result of {@link RequestExport}: {@link ExportRequested}, or a {@link Refusal}. */
public sealed interface RequestExportOutcome permits ExportRequested, AccountBeingErased {}
