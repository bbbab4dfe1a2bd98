package com.syncwell.api.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a raw query string ({@code a=1&b=x%20y}) leniently: {@code +} is a space, a malformed
 * escape is kept as written, a name without {@code =} has the empty value. Handlers validate the
 * values they use.
 */
public final class QueryString {
  private QueryString() {}

  public static Map<String, List<String>> parse(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  private static String decode(String s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
      int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
      if (c == '%' && hi >= 0 && lo >= 0) {
        flush(literal, bytes);
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        literal.append(c == '+' ? ' ' : c);
      }
    }
    flush(literal, bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void flush(StringBuilder literal, ByteArrayOutputStream bytes) {
    byte[] b = literal.toString().getBytes(StandardCharsets.UTF_8);
    bytes.write(b, 0, b.length);
    literal.setLength(0);
  }
}
