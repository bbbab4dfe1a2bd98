package com.syncwell.engine.account;

/** Result of {@link CompleteAuthorization}: {@link Connected}, or a {@link Refusal}. */
public sealed interface CompleteAuthorizationOutcome
    permits Connected,
        UnknownProvider,
        InvalidField,
        InvalidState,
        StateExpired,
        StateAlreadyUsed,
        AuthorizationFailed,
        ProviderUnavailable,
        ProviderAccountTaken {}
