package com.syncwell.api.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A route path like {@code /v1/sync-configs/{id}}: literal segments and {@code {name}} parameters,
 * each parameter exactly one non-empty segment. Matches decoded path segments.
 */
public record PathTemplate(String template, List<String> segments) {
  private static final Pattern PARAM = Pattern.compile("\\{[a-zA-Z][a-zA-Z0-9]*}");
  private static final Pattern LITERAL = Pattern.compile("[a-z0-9._-]+");

  public PathTemplate {
    Objects.requireNonNull(template, "template");
    segments = List.copyOf(segments);
  }

  /** Parses {@code /a/{b}/c}. */
  public static PathTemplate parse(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("a template starts with /: " + template);
    }
    List<String> segments = new ArrayList<>();
    for (String s : template.substring(1).split("/", -1)) {
      if (!PARAM.matcher(s).matches() && !LITERAL.matcher(s).matches()) {
        throw new IllegalArgumentException("bad segment '" + s + "' in " + template);
      }
      segments.add(s);
    }
    return new PathTemplate(template, segments);
  }

  /** The path parameters when {@code pathSegments} fits this template. */
  public Optional<Map<String, String>> match(List<String> pathSegments) {
    if (pathSegments.size() != segments.size()) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String t = segments.get(i);
      String p = pathSegments.get(i);
      if (isParam(t)) {
        if (p.isEmpty()) {
          return Optional.empty();
        }
        params.put(t.substring(1, t.length() - 1), p);
      } else if (!t.equals(p)) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }

  /** Literal segments before parameters: a literal template wins over a parameter one. */
  public int specificity() {
    int score = 0;
    for (String s : segments) {
      score = score * 2 + (isParam(s) ? 0 : 1);
    }
    return score;
  }

  private static boolean isParam(String segment) {
    return segment.startsWith("{");
  }
}
