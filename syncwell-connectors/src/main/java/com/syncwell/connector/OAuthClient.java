package com.syncwell.connector;

import java.net.URI;

/**
 * OAuth 2.0 authorization-code flow with PKCE (S256) against one provider.
 *
 * <p>{@link #refresh} is not serialized here; {@link RefreshingCredentials} serializes refreshes
 * per connection and persists the new set before it is used. An {@code invalid_grant} answer (or
 * the provider's equivalent) is {@link AuthorizationRevoked}.
 */
public interface OAuthClient {

  /** The provider id ({@code fitbit}, {@code strava}) this client authorizes against. */
  String provider();

  /** Where to send the person to approve access. */
  URI authorizationUrl(AuthorizationRequest request);

  /** Exchanges the code the provider redirected back with. */
  TokenSet exchangeCode(String code, String codeVerifier, URI redirectUri);

  /**
   * A new token set from {@code current}'s refresh token; keeps the old refresh token if none comes
   * back.
   */
  TokenSet refresh(TokenSet current);

  /** Revokes the grant at the provider (de-authorize); already revoked is not an error. */
  void revoke(TokenSet tokens);
}
