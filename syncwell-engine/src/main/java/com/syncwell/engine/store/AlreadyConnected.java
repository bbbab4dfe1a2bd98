package com.syncwell.engine.store;

/**
 * The same user already has a connection to this provider account; nothing was written. Store the
 * new tokens on it ({@link ConnectionStore#reauthorize}) instead of creating another.
 */
public record AlreadyConnected(Connection existing) implements ConnectionCreation {}
