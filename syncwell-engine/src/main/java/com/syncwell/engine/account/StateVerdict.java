package com.syncwell.engine.account;

/** Result of {@link AuthorizationStates#verify}: a {@link ValidState}, or why not. */
public sealed interface StateVerdict permits ValidState, InvalidState, StateExpired {}
