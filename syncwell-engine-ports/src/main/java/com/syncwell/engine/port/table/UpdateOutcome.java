package com.syncwell.engine.port.table;

/** Result of a version-checked write: written, or the item is not at the expected version. */
public sealed interface UpdateOutcome permits Written, VersionConflict {}
