package com.syncwell.engine.port.table;

/**
 * The item is absent (or expired) or at another version than expected; nothing was changed. Read it
 * again and decide.
 */
public record VersionConflict() implements UpdateOutcome, DeleteOutcome {}
