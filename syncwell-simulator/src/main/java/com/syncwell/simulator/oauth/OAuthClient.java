package com.syncwell.simulator.oauth;

/** A registered OAuth client of a simulated provider. */
public record OAuthClient(String clientId, String clientSecret) {
  public boolean matches(String id, String secret) {
    return clientId.equals(id) && clientSecret.equals(secret);
  }
}
