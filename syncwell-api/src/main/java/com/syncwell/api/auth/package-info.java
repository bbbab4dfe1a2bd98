/**
 * Bearer-token authentication: RS256 JWTs from Firebase, Cognito and the dev issuer.
 *
 * <p>{@link com.syncwell.api.auth.JwtAuthenticator} implements the {@link
 * com.syncwell.api.auth.Authenticator} seam (one Nimbus processor per issuer, JWKS cached per
 * issuer on the injected clock, verified tokens remembered until {@code exp}); {@link
 * com.syncwell.api.auth.DevIssuer} mints tokens in dev and demo mode.
 */
package com.syncwell.api.auth;
