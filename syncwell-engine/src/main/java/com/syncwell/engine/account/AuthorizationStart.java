package com.syncwell.engine.account;

/**
 * The body of {@code POST /v1/connections/authorizations}, as received: the use case validates
 * every field (a missing one may be null).
 *
 * @param provider the provider id ({@code fitbit}, {@code strava})
 * @param redirectUri where the provider sends the person back: absolute https, or http on localhost
 *     or 127.0.0.1 (development)
 * @param codeChallenge the PKCE S256 challenge of a verifier the client keeps
 */
public record AuthorizationStart(String provider, String redirectUri, String codeChallenge) {}
