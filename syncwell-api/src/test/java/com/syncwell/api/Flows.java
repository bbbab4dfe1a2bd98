package com.syncwell.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.connector.Pkce;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Multi-step client flows over the API, played as a mobile app and its browser would. */
final class Flows {
  static final String REDIRECT = "http://127.0.0.1/syncwell/oauth/callback";

  private final ApiBed bed;
  private final HttpClient browser =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  Flows(ApiBed bed) {
    this.bed = bed;
  }

  /** What the provider's consent page hands back to the redirect URI. */
  record Consent(String code, String state, String verifier) {}

  /**
   * Starts an authorization through the API and approves it at the simulator as {@code account}.
   */
  Consent authorize(String user, String provider, String account) {
    String verifier = Pkce.newVerifier();
    ApiBed.Reply started =
        bed.sendJson(
            "POST",
            "/v1/connections/authorizations",
            user,
            "{\"provider\":\""
                + provider
                + "\",\"redirectUri\":\""
                + REDIRECT
                + "\",\"codeChallenge\":\""
                + Pkce.challengeOf(verifier)
                + "\"}");
    assertThat(started.status()).as(started.text()).isEqualTo(200);
    String url = started.json().path("authorizationUrl").asText();
    String state = started.json().path("state").asText();
    try {
      HttpResponse<Void> consent =
          browser.send(
              HttpRequest.newBuilder(
                      URI.create(
                          url + "&sim_user=" + URLEncoder.encode(account, StandardCharsets.UTF_8)))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      URI location = URI.create(consent.headers().firstValue("Location").orElseThrow());
      Map<String, String> query = new HashMap<>();
      for (String pair : location.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
      assertThat(query.get("state")).isEqualTo(state);
      return new Consent(query.get("code"), state, verifier);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  ApiBed.Reply complete(String user, String provider, Consent consent) {
    return bed.sendJson(
        "POST",
        "/v1/connections",
        user,
        "{\"provider\":\""
            + provider
            + "\",\"code\":\""
            + consent.code()
            + "\",\"codeVerifier\":\""
            + consent.verifier()
            + "\",\"state\":\""
            + consent.state()
            + "\",\"redirectUri\":\""
            + REDIRECT
            + "\"}");
  }

  /** A new connection of {@code user} to {@code provider} account {@code account}: its id. */
  String connect(String user, String provider, String account) {
    ApiBed.Reply done = complete(user, provider, authorize(user, provider, account));
    assertThat(done.status()).as(done.text()).isEqualTo(201);
    return done.json().path("connectionId").asText();
  }

  /** A workout sync config from {@code source} to {@code destination}: the created body. */
  JsonNode config(String user, String source, String destination) {
    ApiBed.Reply created =
        bed.sendJson(
            "POST",
            "/v1/sync-configs",
            user,
            "{\"sourceConnectionId\":\""
                + source
                + "\",\"destinationConnectionId\":\""
                + destination
                + "\",\"dataType\":\"workout\"}");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json();
  }

  /** A job for config {@code configId}: the accepted body. */
  JsonNode sync(String user, String configId, String key) {
    ApiBed.Reply accepted =
        bed.sendJson(
            "POST",
            "/v1/sync-jobs",
            user,
            "{\"syncConfigId\":\"" + configId + "\"}",
            "Idempotency-Key",
            key);
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
    return accepted.json();
  }
}
