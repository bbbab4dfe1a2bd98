package com.syncwell.engine.port.table;

/** Result of a version-checked delete: deleted, or the item is not at the expected version. */
public sealed interface DeleteOutcome permits Deleted, VersionConflict {}
