package com.syncwell.engine.store;

/** The connection and its webhook routing item were written. */
public record ConnectionCreated(Connection connection) implements ConnectionCreation {}
