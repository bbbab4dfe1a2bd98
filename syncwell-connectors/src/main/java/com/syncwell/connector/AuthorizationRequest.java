package com.syncwell.connector;

import java.net.URI;
import java.util.Objects;

/**
 * What the authorization URL carries: where the provider redirects back, an opaque {@code state}
 * bound to the person's session, and the PKCE S256 code challenge.
 */
public record AuthorizationRequest(URI redirectUri, String state, String codeChallenge) {
  public AuthorizationRequest {
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(codeChallenge, "codeChallenge");
    if (state.isBlank() || codeChallenge.isBlank()) {
      throw new IllegalArgumentException("state and code challenge are required");
    }
  }
}
