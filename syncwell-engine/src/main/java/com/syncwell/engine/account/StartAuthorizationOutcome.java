package com.syncwell.engine.account;

/** Result of {@link StartAuthorization}: {@link AuthorizationStarted}, or a {@link Refusal}. */
public sealed interface StartAuthorizationOutcome
    permits AuthorizationStarted, UnknownProvider, InvalidField {}
