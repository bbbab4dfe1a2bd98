package com.syncwell.simulator;

import com.syncwell.connector.AuthorizationRequest;
import com.syncwell.connector.OAuthClient;
import com.syncwell.connector.Pkce;
import com.syncwell.connector.TokenSet;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Plays the person's browser in the real OAuth flow against the simulator: opens the connector's
 * authorization URL (choosing the simulated account with {@code sim_user}), takes the code from the
 * redirect, checks the state, and lets the connector exchange the code with its PKCE verifier.
 */
public final class SimulatedConsent {
  /** Where the simulator redirects back to; nothing listens there, the redirect is only read. */
  public static final URI REDIRECT = URI.create("http://127.0.0.1/syncwell/oauth/callback");

  private static final SecureRandom RANDOM = new SecureRandom();
  private final HttpClient http;

  public SimulatedConsent(HttpClient http) {
    this.http = http;
  }

  public TokenSet approve(OAuthClient oauth, String simulatedAccount) {
    String verifier = Pkce.newVerifier();
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    String state = HexFormat.of().formatHex(nonce);
    URI authorize =
        oauth.authorizationUrl(
            new AuthorizationRequest(REDIRECT, state, Pkce.challengeOf(verifier)));
    URI asAccount =
        URI.create(
            authorize
                + (authorize.getRawQuery() == null ? "?" : "&")
                + "sim_user="
                + URLEncoder.encode(simulatedAccount, StandardCharsets.UTF_8));
    Map<String, String> callback = query(redirectOf(asAccount));
    if (!state.equals(callback.get("state"))) {
      throw new IllegalStateException("the authorization redirect carried another state");
    }
    String code = callback.get("code");
    if (code == null) {
      throw new IllegalStateException(
          "the authorization was not granted: " + callback.getOrDefault("error", "no code"));
    }
    return oauth.exchangeCode(code, verifier, REDIRECT);
  }

  private URI redirectOf(URI authorize) {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(authorize).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return response
          .headers()
          .firstValue("Location")
          .map(URI::create)
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "the authorization page answered "
                          + response.statusCode()
                          + ", no redirect"));
    } catch (IOException e) {
      throw new IllegalStateException("the authorization page is unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }
}
