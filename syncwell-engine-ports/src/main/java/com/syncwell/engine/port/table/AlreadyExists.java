package com.syncwell.engine.port.table;

/** A live (unexpired) item with that key exists; nothing was written. */
public record AlreadyExists() implements PutOutcome {}
