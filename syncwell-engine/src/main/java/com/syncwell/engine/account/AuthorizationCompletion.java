package com.syncwell.engine.account;

/**
 * The body of {@code POST /v1/connections}, as received: the use case validates every field (a
 * missing one may be null). {@link #toString()} shows neither the code nor the verifier.
 *
 * @param code the authorization code the provider redirected back with
 * @param codeVerifier the PKCE verifier of the challenge sent with {@link StartAuthorization}
 * @param state the state {@link StartAuthorization} returned, as the provider echoed it
 * @param redirectUri the same redirect URI as in {@link StartAuthorization}, character for
 *     character
 */
public record AuthorizationCompletion(
    String provider, String code, String codeVerifier, String state, String redirectUri) {
  @Override
  public String toString() {
    return "AuthorizationCompletion[" + provider + ", code=****, codeVerifier=****]";
  }
}
