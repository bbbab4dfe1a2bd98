package com.syncwell.simulator.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Redirect URI checks and building. */
public final class Redirects {
  private Redirects() {}

  /** True for an absolute http(s) URI without a fragment. */
  public static boolean acceptable(String redirectUri) {
    if (redirectUri == null || redirectUri.isBlank()) {
      return false;
    }
    try {
      URI uri = URI.create(redirectUri);
      return uri.isAbsolute()
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getFragment() == null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code redirectUri} with the parameters appended (null values skipped). */
  public static String with(String redirectUri, Map<String, String> params) {
    StringBuilder out = new StringBuilder(redirectUri);
    char sep = redirectUri.contains("?") ? '&' : '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      out.append(sep)
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return out.toString();
  }
}
