package com.syncwell.connector.http;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The path of a provider call as logs and spans show it: no query, and every segment that looks
 * like an id (three digits or more, over 40 characters, or percent-encoded: record, activity,
 * upload or account ids) replaced by {@code {id}}, so a log line names the endpoint and never whose
 * data it was. Versions ({@code v3}) and names ({@code oauth2}) stay.
 */
final class CallPaths {
  private static final Pattern THREE_DIGITS = Pattern.compile(".*\\d.*\\d.*\\d.*");

  private CallPaths() {}

  static String masked(URI uri) {
    String path = uri.getRawPath();
    if (path == null || path.isEmpty()) {
      return "/";
    }
    String[] segments = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean idLike =
          THREE_DIGITS.matcher(segment).matches() || segment.length() > 40 || segment.contains("%");
      if (idLike) {
        segments[i] = "{id}";
      }
    }
    return String.join("/", segments);
  }
}
