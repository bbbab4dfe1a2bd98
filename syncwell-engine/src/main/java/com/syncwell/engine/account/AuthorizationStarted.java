package com.syncwell.engine.account;

import java.net.URI;
import java.util.Objects;

/**
 * Send the person to {@code authorizationUrl}; the provider redirects back with a code and {@code
 * state}, which {@link CompleteAuthorization} takes.
 */
public record AuthorizationStarted(URI authorizationUrl, String state)
    implements StartAuthorizationOutcome {
  public AuthorizationStarted {
    Objects.requireNonNull(authorizationUrl, "authorizationUrl");
    Objects.requireNonNull(state, "state");
  }
}
