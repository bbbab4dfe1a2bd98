package com.syncwell.engine.store;

/**
 * The provider account is connected to another user (or another connection of it is being created
 * at this very moment); nothing was written. Deliberately says nothing about the other user.
 */
public record ProviderAccountInUse() implements ConnectionCreation {}
