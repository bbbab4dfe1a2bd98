package com.syncwell.engine.account;

/** Result of {@link UpdateSettings}: {@link SettingsUpdated}, or a {@link Refusal}. */
public sealed interface UpdateSettingsOutcome
    permits SettingsUpdated, InvalidField, AccountBeingErased {}
