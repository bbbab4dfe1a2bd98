package com.syncwell.engine.account;

/** Result of {@link GetExport}: {@link ExportFound}, or a {@link Refusal}. */
public sealed interface GetExportOutcome permits ExportFound, ExportNotFound {}
