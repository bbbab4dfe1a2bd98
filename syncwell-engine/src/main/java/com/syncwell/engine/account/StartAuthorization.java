package com.syncwell.engine.account;

import com.syncwell.connector.AuthorizationRequest;
import com.syncwell.connector.Connector;
import com.syncwell.engine.sync.ConnectorRegistry;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /v1/connections/authorizations}: the first half of connecting a provider account
 * (OAuth 2.0 authorization code with PKCE S256). Returns the provider's authorization URL and a
 * signed state ({@link AuthorizationStates}) valid for 10 minutes, bound to the caller, the
 * provider and the redirect URI. Writes nothing; the client keeps the PKCE verifier and sends it to
 * {@link CompleteAuthorization} with the code.
 */
public final class StartAuthorization {
  private final ConnectorRegistry connectors;
  private final AuthorizationStates states;

  public StartAuthorization(ConnectorRegistry connectors, AuthorizationStates states) {
    this.connectors = Objects.requireNonNull(connectors, "connectors");
    this.states = Objects.requireNonNull(states, "states");
  }

  /**
   * @param userId the caller, from the token
   */
  public StartAuthorizationOutcome start(String userId, AuthorizationStart request) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(request, "request");
    if (request.provider() == null || request.provider().isBlank()) {
      return new InvalidField("provider", "is required");
    }
    Optional<URI> redirect = FieldRules.redirectUri(request.redirectUri());
    if (redirect.isEmpty()) {
      return new InvalidField("redirectUri", FieldRules.REDIRECT_URI_RULE);
    }
    if (!FieldRules.isPkceValue(request.codeChallenge())) {
      return new InvalidField("codeChallenge", FieldRules.PKCE_RULE);
    }
    Optional<Connector> connector = connectors.forProvider(request.provider());
    if (connector.isEmpty()) {
      return new UnknownProvider(request.provider());
    }
    String state = states.issue(userId, request.provider(), redirect.get());
    URI url =
        connector
            .get()
            .oauth()
            .authorizationUrl(
                new AuthorizationRequest(redirect.get(), state, request.codeChallenge()));
    return new AuthorizationStarted(url, state);
  }
}
