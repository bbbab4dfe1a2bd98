package com.syncwell.connector.strava;

import java.net.URI;
import java.util.Objects;

/**
 * Where Strava is ({@code SYNCWELL_STRAVA_BASE_URL}, {@code _AUTH_URL}, {@code _TOKEN_URL}) and the
 * application's client credentials, so one connector talks to the real Strava or to the simulator.
 * {@link #toString()} never shows the secret.
 *
 * @param baseUrl the root of the documented paths, e.g. {@code https://www.strava.com/api/v3}
 * @param authUrl e.g. {@code https://www.strava.com/oauth/authorize}
 * @param tokenUrl e.g. {@code https://www.strava.com/oauth/token}
 */
public record StravaSettings(
    URI baseUrl, URI authUrl, URI tokenUrl, String clientId, String clientSecret) {

  public static final URI DEFAULT_BASE_URL = URI.create("https://www.strava.com/api/v3");
  public static final URI DEFAULT_AUTH_URL = URI.create("https://www.strava.com/oauth/authorize");
  public static final URI DEFAULT_TOKEN_URL = URI.create("https://www.strava.com/oauth/token");

  public StravaSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(authUrl, "authUrl");
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    String base = baseUrl.toString();
    if (base.endsWith("/")) {
      baseUrl = URI.create(base.substring(0, base.length() - 1));
    }
  }

  /** The token URL with its last path segment replaced by {@code deauthorize}. */
  public URI deauthorizeUrl() {
    String token = tokenUrl.toString();
    int slash = token.lastIndexOf('/');
    return URI.create(token.substring(0, slash + 1) + "deauthorize");
  }

  /** A documented path below the base URL, e.g. {@code /athlete/activities}. */
  public URI api(String pathAndQuery) {
    return URI.create(baseUrl + pathAndQuery);
  }

  @Override
  public String toString() {
    return "StravaSettings[baseUrl="
        + baseUrl
        + ", authUrl="
        + authUrl
        + ", tokenUrl="
        + tokenUrl
        + ", clientId="
        + clientId
        + ", clientSecret=****]";
  }
}
