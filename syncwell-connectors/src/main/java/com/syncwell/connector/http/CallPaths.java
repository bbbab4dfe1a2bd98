package com.syncwell.connector.http;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The path of a provider call as logs and spans show it: no query, and every segment that holds a
 * digit (record, activity, upload or account ids) but is not a version ({@code v3}) replaced by
 * {@code {id}}, so a log line names the endpoint and never whose data it was.
 */
final class CallPaths {
  private static final Pattern VERSION = Pattern.compile("v\\d{1,2}(\\.\\d{1,2})?");
  private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");

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
          (HAS_DIGIT.matcher(segment).matches() && !VERSION.matcher(segment).matches())
              || segment.length() > 40
              || segment.contains("%");
      if (idLike) {
        segments[i] = "{id}";
      }
    }
    return String.join("/", segments);
  }
}
