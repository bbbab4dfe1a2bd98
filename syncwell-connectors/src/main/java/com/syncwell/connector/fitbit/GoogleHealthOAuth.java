package com.syncwell.connector.fitbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.connector.AuthorizationRequest;
import com.syncwell.connector.AuthorizationRevoked;
import com.syncwell.connector.OAuthClient;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.TokenSet;
import com.syncwell.connector.http.CallMeter;
import com.syncwell.connector.http.ProviderHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Google OAuth 2.0 for the Google Health API: authorization code with PKCE (S256), offline access
 * with {@code prompt=consent} (so a refresh token comes back on every consent), incremental scopes.
 * Google's token response carries no user id, so the code exchange asks {@code GET
 * /v4/users/me/identity} for the {@code healthUserId} and keeps it as the provider user id.
 */
public final class GoogleHealthOAuth implements OAuthClient {
  private static final Logger LOG = LoggerFactory.getLogger(GoogleHealthOAuth.class);
  private static final String PREFIX = "https://www.googleapis.com/auth/googlehealth.";

  @Override
  public String provider() {
    return FitbitConnector.ID;
  }

  /** Read and write of workouts and weight, read of sleep, steps, heart rate; GPS for TCX. */
  public static final List<String> SCOPES =
      List.of(
          PREFIX + "activity_and_fitness.readonly",
          PREFIX + "activity_and_fitness.writeonly",
          PREFIX + "health_metrics_and_measurements.readonly",
          PREFIX + "health_metrics_and_measurements.writeonly",
          PREFIX + "sleep.readonly",
          PREFIX + "location.readonly");

  private final GoogleHealthSettings settings;
  private final ProviderHttp http;
  private final Clock clock;

  GoogleHealthOAuth(GoogleHealthSettings settings, ProviderHttp http, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public URI authorizationUrl(AuthorizationRequest request) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", settings.clientId());
    q.put("redirect_uri", request.redirectUri().toString());
    q.put("response_type", "code");
    q.put("scope", String.join(" ", SCOPES));
    q.put("access_type", "offline");
    q.put("prompt", "consent");
    q.put("include_granted_scopes", "true");
    q.put("state", request.state());
    q.put("code_challenge", request.codeChallenge());
    q.put("code_challenge_method", "S256");
    String base = settings.authUrl().toString();
    return URI.create(base + (base.contains("?") ? "&" : "?") + GoogleHealthApi.encode(q));
  }

  @Override
  public TokenSet exchangeCode(String code, String codeVerifier, URI redirectUri) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("code_verifier", codeVerifier);
    form.put("redirect_uri", redirectUri.toString());
    form.put("client_id", settings.clientId());
    form.put("client_secret", settings.clientSecret());
    TokenSet tokens = tokenCall(form, Optional.empty());
    return new TokenSet(
        tokens.accessToken(),
        tokens.refreshToken(),
        tokens.expiresAt(),
        tokens.scopes(),
        Optional.of(healthUserId(tokens.accessToken())));
  }

  @Override
  public TokenSet refresh(TokenSet current) {
    String refreshToken =
        current
            .refreshToken()
            .orElseThrow(() -> new AuthorizationRevoked(GoogleJson.PROVIDER, "no refresh token"));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    form.put("client_id", settings.clientId());
    form.put("client_secret", settings.clientSecret());
    return current.renewedWith(tokenCall(form, current.providerUserId()));
  }

  @Override
  public void revoke(TokenSet tokens) {
    String token = tokens.refreshToken().orElse(tokens.accessToken());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.revokeUrl())
            .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("token", token))))
            .header("Content-Type", "application/x-www-form-urlencoded");
    try {
      http.sendUnauthenticated(request, new CallMeter());
    } catch (Permanent | AuthorizationRevoked e) {
      // Google answers 400 invalid_token for a token that is already revoked or expired.
      LOG.debug("revoke: the grant was already gone ({})", e.getClass().getSimpleName());
    }
  }

  private TokenSet tokenCall(Map<String, String> form, Optional<String> userId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.tokenUrl())
            .POST(HttpRequest.BodyPublishers.ofString(form(form)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json");
    JsonNode body =
        GoogleJson.parse(http.sendUnauthenticated(request, new CallMeter()).body(), "token");
    try {
      String access = GoogleJson.text(body, "access_token");
      long expiresIn = body.path("expires_in").asLong(3599);
      Set<String> scopes =
          GoogleJson.optionalText(body, "scope")
              .map(s -> Arrays.stream(s.split(" ")).filter(x -> !x.isBlank()))
              .map(s -> s.collect(Collectors.toSet()))
              .orElse(Set.of());
      return new TokenSet(
          access,
          GoogleJson.optionalText(body, "refresh_token"),
          clock.instant().plusSeconds(expiresIn),
          scopes,
          userId);
    } catch (IllegalArgumentException e) {
      throw GoogleJson.malformed("token", e);
    }
  }

  private String healthUserId(String accessToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root() + "/v4/users/me/identity"))
            .GET()
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + accessToken);
    JsonNode identity =
        GoogleJson.parse(http.sendUnauthenticated(request, new CallMeter()).body(), "identity");
    try {
      return GoogleJson.text(identity, "healthUserId");
    } catch (IllegalArgumentException e) {
      throw GoogleJson.malformed("identity", e);
    }
  }

  private String root() {
    String base = settings.baseUrl().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  private static String form(Map<String, String> params) {
    StringJoiner joiner = new StringJoiner("&");
    params.forEach(
        (k, v) ->
            joiner.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return joiner.toString();
  }
}
