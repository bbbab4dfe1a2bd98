package com.syncwell.app.config;

import java.net.URI;
import java.util.Optional;

/**
 * Endpoints and OAuth client of one provider ({@code SYNCWELL_<PROVIDER>_*}); empty values mean the
 * provider's real endpoints, or the simulator in dev and demo.
 */
public record ProviderSettings(
    Optional<URI> baseUrl,
    Optional<URI> authUrl,
    Optional<URI> tokenUrl,
    Optional<String> clientId,
    Optional<Secret> clientSecret) {}
