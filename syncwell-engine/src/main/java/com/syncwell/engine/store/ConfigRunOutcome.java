package com.syncwell.engine.store;

/** Result of {@link ConfigRunStore#start}. */
public sealed interface ConfigRunOutcome permits ConfigRunStarted, ConfigRunBusy {}
