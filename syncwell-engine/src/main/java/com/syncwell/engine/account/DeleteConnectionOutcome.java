package com.syncwell.engine.account;

/** Result of {@link DeleteConnection}: {@link ConnectionDeleted}, or a {@link Refusal}. */
public sealed interface DeleteConnectionOutcome permits ConnectionDeleted, ConnectionNotFound {}
