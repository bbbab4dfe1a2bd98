package com.syncwell.api.v1;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strong entity tags of versioned resources ({@code "7"} for version 7) and {@code If-Match} (RFC
 * 9110 §13.1.1): {@code *} matches any current version; a list matches when one of its strong tags
 * is the current one; weak tags never match.
 */
final class EntityTags {
  private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*");

  private EntityTags() {}

  static String of(long version) {
    return "\"" + version + "\"";
  }

  /** What an {@code If-Match} header allows. */
  record IfMatch(boolean any, Set<Long> versions) {
    boolean matches(long current) {
      return any || versions.contains(current);
    }
  }

  /** The parsed header; a malformed one allows nothing (412). */
  static IfMatch parse(String header) {
    if (header.trim().equals("*")) {
      return new IfMatch(true, Set.of());
    }
    Set<Long> versions = new HashSet<>();
    for (String part : header.split(",")) {
      Matcher m = TAG.matcher(part);
      if (m.matches() && m.group(1) == null) {
        parseVersion(m.group(2)).ifPresent(versions::add);
      }
    }
    return new IfMatch(false, Set.copyOf(versions));
  }

  private static Optional<Long> parseVersion(String s) {
    if (!s.matches("[1-9][0-9]{0,17}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(s));
  }
}
