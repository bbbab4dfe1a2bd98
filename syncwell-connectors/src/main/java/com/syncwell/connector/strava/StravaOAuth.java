package com.syncwell.connector.strava;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.connector.AuthorizationRequest;
import com.syncwell.connector.AuthorizationRevoked;
import com.syncwell.connector.OAuthClient;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.TokenSet;
import com.syncwell.connector.http.CallMeter;
import com.syncwell.connector.http.HttpResult;
import com.syncwell.connector.http.ProviderHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Strava's OAuth 2.0 authorization-code flow. Client id and secret travel in the form; tokens carry
 * {@code expires_at} (epoch seconds); every refresh may rotate the refresh token; the exchange
 * answer names the athlete, whose id becomes {@link TokenSet#providerUserId()}.
 *
 * <p><b>PKCE:</b> Strava does not document PKCE, so the authorization URL carries no {@code
 * code_challenge} and the exchange no {@code code_verifier}. SyncWell is a confidential client (the
 * secret never leaves the server) and binds the flow to the session with {@code state}.
 */
public final class StravaOAuth implements OAuthClient {
  public static final List<String> SCOPES = List.of("activity:read_all", "activity:write");

  @Override
  public String provider() {
    return StravaConnector.ID;
  }

  private final StravaSettings settings;
  private final ProviderHttp http;
  private final Clock clock;
  private final CallMeter meter = new CallMeter();

  public StravaOAuth(StravaSettings settings, ProviderHttp http, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Calls and bytes of the token endpoints (they have no sync job to charge). */
  public CallMeter meter() {
    return meter;
  }

  @Override
  public URI authorizationUrl(AuthorizationRequest request) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_id", settings.clientId());
    query.put("redirect_uri", request.redirectUri().toString());
    query.put("response_type", "code");
    query.put("approval_prompt", "auto");
    query.put("scope", String.join(",", SCOPES));
    query.put("state", request.state());
    String base = settings.authUrl().toString();
    return URI.create(base + (base.contains("?") ? "&" : "?") + form(query));
  }

  @Override
  public TokenSet exchangeCode(String code, String codeVerifier, URI redirectUri) {
    Objects.requireNonNull(code, "code");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", settings.clientId());
    form.put("client_secret", settings.clientSecret());
    form.put("code", code);
    form.put("grant_type", "authorization_code");
    return tokens(post(settings.tokenUrl(), form), Optional.empty());
  }

  @Override
  public TokenSet refresh(TokenSet current) {
    String refreshToken =
        current
            .refreshToken()
            .orElseThrow(() -> new AuthorizationRevoked(StravaConnector.ID, "no refresh token"));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", settings.clientId());
    form.put("client_secret", settings.clientSecret());
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    return tokens(post(settings.tokenUrl(), form), current.providerUserId());
  }

  /**
   * {@code POST /oauth/deauthorize} with the access token (refreshed first when it has expired). A
   * grant that is already gone is not an error.
   */
  @Override
  public void revoke(TokenSet tokens) {
    try {
      TokenSet usable = tokens;
      if (tokens.expiresWithin(java.time.Duration.ZERO, clock.instant())
          && tokens.refreshToken().isPresent()) {
        usable = tokens.renewedWith(refresh(tokens));
      }
      post(settings.deauthorizeUrl(), Map.of("access_token", usable.accessToken()));
    } catch (AuthorizationRevoked alreadyGone) {
      // nothing left to revoke
    }
  }

  private HttpResult post(URI uri, Map<String, String> form) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form(form)));
    return http.sendUnauthenticated(request, meter);
  }

  private TokenSet tokens(HttpResult result, Optional<String> knownUser) {
    JsonNode json = StravaJson.parse(StravaConnector.ID, result.body(), "the token answer");
    Optional<String> access = StravaJson.text(json, "access_token");
    if (access.isEmpty()) {
      throw new Permanent(StravaConnector.ID, "the token answer has no access token", null);
    }
    OptionalLong expiresAt = StravaJson.whole(json, "expires_at");
    OptionalLong expiresIn = StravaJson.whole(json, "expires_in");
    Instant expiry =
        expiresAt.isPresent()
            ? Instant.ofEpochSecond(expiresAt.getAsLong())
            : clock.instant().plusSeconds(expiresIn.orElse(0));
    Set<String> scopes =
        StravaJson.text(json, "scope")
            .map(s -> Arrays.stream(s.split("[, ]+")).filter(x -> !x.isBlank()))
            .map(s -> s.collect(Collectors.toSet()))
            .orElse(Set.of());
    JsonNode athlete = json.path("athlete");
    Optional<String> athleteId =
        athlete.isObject() ? StravaJson.id(athlete, "id") : Optional.empty();
    return new TokenSet(
        access.get(),
        StravaJson.text(json, "refresh_token"),
        expiry,
        scopes,
        athleteId.or(() -> knownUser));
  }

  static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
