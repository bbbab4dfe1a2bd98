package com.syncwell.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.connector.Pkce;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One user of the API with a dev token, as an app would call it: plain JSON requests to whichever
 * API base a step names, and connections through the real OAuth redirect against the simulator.
 */
public final class ApiUser {
  private static final String REDIRECT = "http://127.0.0.1:9/callback";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String token;
  private final HttpClient http;

  public ApiUser(String token, HttpClient http) {
    this.token = token;
    this.http = http;
  }

  /** A request with an {@code Idempotency-Key} when {@code key} is not null. */
  public HttpResponse<String> send(String base, String method, String path, String body, String key)
      throws IOException, InterruptedException {
    return sendWith(
        base, method, path, body, key == null ? Map.of() : Map.of("Idempotency-Key", key));
  }

  /** A request with extra headers; a body is sent as JSON. */
  public HttpResponse<String> sendWith(
      String base, String method, String path, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request that must answer {@code expected} (or, when it is 0, 200 or 201); its JSON. */
  public JsonNode call(String base, String method, String path, String body, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> r = sendWith(base, method, path, body, Map.of());
    boolean ok =
        expected > 0 ? r.statusCode() == expected : r.statusCode() == 200 || r.statusCode() == 201;
    if (!ok) {
      throw new AssertionError(
          method + " " + path + " on " + base + ": " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  /**
   * Connects {@code provider} through the real OAuth flow: the authorization starts on {@code
   * startOn} and completes on {@code completeOn}, so the signed state crosses nodes.
   */
  public String connect(String startOn, String completeOn, String provider, String simUser)
      throws IOException, InterruptedException {
    String verifier = Pkce.newVerifier();
    JsonNode started =
        call(
            startOn,
            "POST",
            "/v1/connections/authorizations",
            JSON.writeValueAsString(
                Map.of(
                    "provider", provider,
                    "redirectUri", REDIRECT,
                    "codeChallenge", Pkce.challengeOf(verifier))),
            200);
    String authorize = started.path("authorizationUrl").asText() + "&sim_user=" + simUser;
    HttpResponse<String> redirect =
        http.send(
            HttpRequest.newBuilder(URI.create(authorize)).build(),
            HttpResponse.BodyHandlers.ofString());
    URI back = URI.create(redirect.headers().firstValue("Location").orElseThrow());
    Map<String, String> query = new HashMap<>();
    for (String pair : back.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    JsonNode connection =
        call(
            completeOn,
            "POST",
            "/v1/connections",
            JSON.writeValueAsString(
                Map.of(
                    "provider", provider,
                    "code", query.get("code"),
                    "codeVerifier", verifier,
                    "state", query.get("state"),
                    "redirectUri", REDIRECT)),
            201);
    return connection.path("connectionId").asText();
  }

  /** Connects {@code provider} through OAuth on one API. */
  public String connect(String base, String provider, String simUser)
      throws IOException, InterruptedException {
    return connect(base, base, provider, simUser);
  }

  /**
   * A user's Fitbit and Strava connection ids and the Fitbit → Strava workout config between them.
   */
  public record WorkoutRoute(String fitbit, String strava, String configId) {}

  /**
   * Connects Fitbit and Strava for {@code simUser} through OAuth on one API and creates a Fitbit →
   * Strava workout sync config there (201).
   */
  public WorkoutRoute connectWorkoutRoute(String base, String simUser)
      throws IOException, InterruptedException {
    String fitbit = connect(base, "fitbit", simUser);
    String strava = connect(base, "strava", simUser);
    JsonNode config =
        call(
            base,
            "POST",
            "/v1/sync-configs",
            JSON.writeValueAsString(
                Map.of(
                    "sourceConnectionId", fitbit,
                    "destinationConnectionId", strava,
                    "dataType", "workout")),
            201);
    return new WorkoutRoute(fitbit, strava, config.path("syncConfigId").asText());
  }

  public static JsonNode parse(String body) throws IOException {
    return JSON.readTree(body);
  }
}
