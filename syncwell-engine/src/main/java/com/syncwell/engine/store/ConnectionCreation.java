package com.syncwell.engine.store;

/** Result of {@link ConnectionStore#create}. */
public sealed interface ConnectionCreation
    permits ConnectionCreated, AlreadyConnected, ProviderAccountInUse {}
