package com.syncwell.api.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API's routes, the single list both the server and the OpenAPI contract test read. Matching:
 * the path is split into percent-decoded segments (a malformed escape matches nothing); of the
 * templates that fit, literal segments win over parameters; when templates fit but none for the
 * method, the answer is 405 with every method those templates allow.
 */
public final class RouteTable {
  private final List<Route> routes;

  public RouteTable(List<Route> routes) {
    List<Route> sorted = new ArrayList<>(routes);
    sorted.sort(Comparator.comparingInt((Route r) -> r.path().specificity()).reversed());
    Set<String> seen = new HashSet<>();
    for (Route r : sorted) {
      if (!seen.add(r.method() + " " + r.template())) {
        throw new IllegalArgumentException("route registered twice: " + r);
      }
    }
    this.routes = List.copyOf(sorted);
  }

  /** Every route, most specific first. */
  public List<Route> routes() {
    return routes;
  }

  public RouteMatch match(String method, String rawPath) {
    Optional<List<String>> segments = segments(rawPath);
    if (segments.isEmpty()) {
      return new RouteMatch.NotFound();
    }
    Set<String> allowed = new TreeSet<>();
    for (Route r : routes) {
      Optional<Map<String, String>> params = r.path().match(segments.get());
      if (params.isPresent()) {
        if (r.method().equals(method)) {
          return new RouteMatch.Found(r, params.get());
        }
        allowed.add(r.method());
      }
    }
    return allowed.isEmpty() ? new RouteMatch.NotFound() : new RouteMatch.MethodNotAllowed(allowed);
  }

  private static Optional<List<String>> segments(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (String s : rawPath.substring(1).split("/", -1)) {
      Optional<String> decoded = percentDecode(s);
      if (decoded.isEmpty()) {
        return Optional.empty();
      }
      out.add(decoded.get());
    }
    return Optional.of(out);
  }

  private static Optional<String> percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return Optional.of(s);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int literalFrom = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '%') {
        if (i + 2 >= s.length()) {
          return Optional.empty();
        }
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return Optional.empty();
        }
        byte[] literal = s.substring(literalFrom, i).getBytes(StandardCharsets.UTF_8);
        bytes.write(literal, 0, literal.length);
        bytes.write(hi * 16 + lo);
        i += 2;
        literalFrom = i + 1;
      }
    }
    byte[] rest = s.substring(literalFrom).getBytes(StandardCharsets.UTF_8);
    bytes.write(rest, 0, rest.length);
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
