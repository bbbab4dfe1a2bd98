package com.syncwell.connector.fitbit;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the Google Health API and Google OAuth live (the real ones or the simulator) and this
 * application's OAuth client.
 *
 * @param baseUrl root of the documented {@code /v4/…} paths ({@code SYNCWELL_FITBIT_BASE_URL})
 * @param authUrl the authorization endpoint
 * @param tokenUrl the token endpoint; revocation is the same URL with the last segment {@code
 *     revoke}
 * @param clientId also what own writes carry as {@code application.googleWebClientId}
 * @param overlap how far before the high-water mark each incremental listing re-reads (no change
 *     feed; late device syncs and edits land in the past)
 * @param exerciseFilterMember the filter member of exercise listings: {@code
 *     exercise.interval.civil_start_time} as observed live, or {@code exercise.interval.start_time}
 *     as the docs say
 */
public record GoogleHealthSettings(
    URI baseUrl,
    URI authUrl,
    URI tokenUrl,
    String clientId,
    String clientSecret,
    Duration overlap,
    String exerciseFilterMember) {

  public static final URI DEFAULT_BASE_URL = URI.create("https://health.googleapis.com");
  public static final URI DEFAULT_AUTH_URL =
      URI.create("https://accounts.google.com/o/oauth2/v2/auth");
  public static final URI DEFAULT_TOKEN_URL = URI.create("https://oauth2.googleapis.com/token");
  public static final Duration DEFAULT_OVERLAP = Duration.ofDays(3);
  public static final String OBSERVED_EXERCISE_MEMBER = "exercise.interval.civil_start_time";

  public GoogleHealthSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(authUrl, "authUrl");
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(overlap, "overlap");
    Objects.requireNonNull(exerciseFilterMember, "exerciseFilterMember");
    if (overlap.isNegative()) {
      throw new IllegalArgumentException("overlap must not be negative");
    }
    if (!exerciseFilterMember.startsWith("exercise.interval.")) {
      throw new IllegalArgumentException("exercise filter member must be exercise.interval.*");
    }
  }

  /** Settings with the default overlap (3 days) and the observed exercise filter member. */
  public static GoogleHealthSettings of(
      URI baseUrl, URI authUrl, URI tokenUrl, String clientId, String clientSecret) {
    return new GoogleHealthSettings(
        baseUrl,
        authUrl,
        tokenUrl,
        clientId,
        clientSecret,
        DEFAULT_OVERLAP,
        OBSERVED_EXERCISE_MEMBER);
  }

  public GoogleHealthSettings withOverlap(Duration newOverlap) {
    return new GoogleHealthSettings(
        baseUrl, authUrl, tokenUrl, clientId, clientSecret, newOverlap, exerciseFilterMember);
  }

  public GoogleHealthSettings withExerciseFilterMember(String member) {
    return new GoogleHealthSettings(
        baseUrl, authUrl, tokenUrl, clientId, clientSecret, overlap, member);
  }

  /** The token URL with its last path segment {@code token} replaced by {@code revoke}. */
  public URI revokeUrl() {
    String t = tokenUrl.toString();
    int slash = t.lastIndexOf('/');
    return URI.create(t.substring(0, slash + 1) + "revoke");
  }

  @Override
  public String toString() {
    return "GoogleHealthSettings[baseUrl="
        + baseUrl
        + ", authUrl="
        + authUrl
        + ", tokenUrl="
        + tokenUrl
        + ", clientId="
        + clientId
        + ", clientSecret=****, overlap="
        + overlap
        + ", exerciseFilterMember="
        + exerciseFilterMember
        + "]";
  }
}
