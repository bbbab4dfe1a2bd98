package com.syncwell.engine.account;

/** Result of {@link GetConnection}: {@link ConnectionFound}, or a {@link Refusal}. */
public sealed interface GetConnectionOutcome permits ConnectionFound, ConnectionNotFound {}
