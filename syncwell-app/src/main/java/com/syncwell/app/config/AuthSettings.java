package com.syncwell.app.config;

import java.net.URI;
import java.util.Optional;

/** Identity providers whose tokens the API accepts. */
public record AuthSettings(
    Optional<String> firebaseProjectId,
    URI firebaseJwksUrl,
    Optional<URI> cognitoIssuer,
    Optional<String> cognitoClientId,
    Optional<URI> cognitoJwksUrl,
    Optional<Boolean> devIssuer) {}
