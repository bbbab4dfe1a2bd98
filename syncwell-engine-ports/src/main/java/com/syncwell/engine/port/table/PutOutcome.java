package com.syncwell.engine.port.table;

/** Result of {@link MetadataTable#putIfAbsent}: written, or an item with that key exists. */
public sealed interface PutOutcome permits Written, AlreadyExists {}
