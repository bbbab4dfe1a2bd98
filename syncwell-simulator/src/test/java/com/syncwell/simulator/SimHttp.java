package com.syncwell.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.simulator.http.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** A plain java.net.http client for tests, and the two OAuth dances. */
final class SimHttp {
  final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  final ProviderSimulator sim;

  SimHttp(ProviderSimulator sim) {
    this.sim = sim;
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(
      String method, String path, String token, String contentType, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> form(String path, Map<String, String> fields) throws Exception {
    return send("POST", path, null, "application/x-www-form-urlencoded", encode(fields));
  }

  HttpResponse<String> json(String method, String path, String token, String body)
      throws Exception {
    return send(method, path, token, "application/json", body);
  }

  static JsonNode parse(HttpResponse<String> r) {
    return Json.parse(r.body().getBytes(StandardCharsets.UTF_8));
  }

  static String encode(Map<String, String> fields) {
    StringJoiner j = new StringJoiner("&");
    fields.forEach(
        (k, v) ->
            j.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }

  static Map<String, String> query(String location) {
    Map<String, String> out = new LinkedHashMap<>();
    String q = URI.create(location).getRawQuery();
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  static String challenge(String verifier) throws Exception {
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
  }

  /** Authorize at Strava for sim_user and exchange the code; the token response. */
  JsonNode stravaTokens(String user) throws Exception {
    Map<String, String> env = sim.environment();
    String authorize =
        "/strava/oauth/authorize?"
            + encode(
                Map.of(
                    "client_id",
                    env.get("SYNCWELL_STRAVA_CLIENT_ID"),
                    "redirect_uri",
                    "http://localhost:9/cb",
                    "response_type",
                    "code",
                    "scope",
                    "activity:read_all,activity:write",
                    "state",
                    "s1",
                    "sim_user",
                    user));
    HttpResponse<String> redirect = get(authorize, null);
    Map<String, String> q = query(redirect.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> token =
        form(
            "/strava/oauth/token",
            Map.of(
                "client_id",
                env.get("SYNCWELL_STRAVA_CLIENT_ID"),
                "client_secret",
                env.get("SYNCWELL_STRAVA_CLIENT_SECRET"),
                "code",
                q.get("code"),
                "grant_type",
                "authorization_code"));
    return parse(token);
  }

  /** Authorize at Google with PKCE for sim_user and exchange the code; the token response. */
  JsonNode googleTokens(String user) throws Exception {
    Map<String, String> env = sim.environment();
    String verifier = "verifier-" + user + "-0123456789012345678901234567890123456789";
    Map<String, String> params = new LinkedHashMap<>();
    params.put("client_id", env.get("SYNCWELL_FITBIT_CLIENT_ID"));
    params.put("redirect_uri", "http://localhost:9/cb");
    params.put("response_type", "code");
    params.put(
        "scope", "https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly");
    params.put("access_type", "offline");
    params.put("state", "g1");
    params.put("code_challenge", challenge(verifier));
    params.put("code_challenge_method", "S256");
    params.put("sim_user", user);
    HttpResponse<String> redirect = get("/fitbit/o/oauth2/v2/auth?" + encode(params), null);
    Map<String, String> q = query(redirect.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> token =
        form(
            "/fitbit/oauth2/token",
            Map.of(
                "client_id",
                env.get("SYNCWELL_FITBIT_CLIENT_ID"),
                "client_secret",
                env.get("SYNCWELL_FITBIT_CLIENT_SECRET"),
                "code",
                q.get("code"),
                "grant_type",
                "authorization_code",
                "redirect_uri",
                "http://localhost:9/cb",
                "code_verifier",
                verifier));
    return parse(token);
  }
}
