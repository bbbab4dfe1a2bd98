package com.syncwell.api.limit;

import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 (4 bytes) or IPv6 (16 bytes) address parsed from its text without any name lookup.
 * IPv4-mapped IPv6 addresses ({@code ::ffff:a.b.c.d}) become the IPv4 address, and {@link
 * #toString} is the canonical text: dotted decimal for IPv4, RFC 5952 for IPv6 (lower case, no
 * leading zeros, the longest run of two or more zero groups as {@code ::}).
 */
final class IpAddress {
  private static final byte[] MAPPED_PREFIX = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff
  };

  private final byte[] bytes;

  private IpAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Parses an address as it appears in a header or as a socket peer: an IPv4 or IPv6 literal, an
   * IPv6 literal in brackets, either with a {@code :port}; surrounding spaces and an IPv6 zone
   * ({@code %eth0}) are dropped. Empty when the text is anything else.
   */
  static Optional<IpAddress> parseEndpoint(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0 || !isPortSuffix(s.substring(close + 1))) {
        return Optional.empty();
      }
      return parseV6(s.substring(1, close));
    }
    int colon = s.indexOf(':');
    if (colon >= 0 && colon == s.lastIndexOf(':')) {
      if (!isPortSuffix(s.substring(colon))) {
        return Optional.empty();
      }
      return parseV4(s.substring(0, colon)).map(IpAddress::new);
    }
    return parse(s);
  }

  /** Parses a bare IPv4 or IPv6 literal (no brackets, no port). */
  static Optional<IpAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text).map(IpAddress::new);
  }

  boolean isV4() {
    return bytes.length == 4;
  }

  /** The address bytes, 4 or 16. */
  byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IpAddress a && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    if (isV4()) {
      return (bytes[0] & 0xff)
          + "."
          + (bytes[1] & 0xff)
          + "."
          + (bytes[2] & 0xff)
          + "."
          + (bytes[3] & 0xff);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  private static boolean isPortSuffix(String s) {
    if (s.isEmpty()) {
      return true;
    }
    if (s.length() < 2 || s.length() > 6 || s.charAt(0) != ':') {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return Integer.parseInt(s.substring(1)) <= 65_535;
  }

  /** Four decimal parts 0 to 255, without leading zeros (which some parsers read as octal). */
  private static Optional<byte[]> parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
        return Optional.empty();
      }
      for (int k = 0; k < p.length(); k++) {
        if (!isDigit(p.charAt(k))) {
          return Optional.empty();
        }
      }
      int value = Integer.parseInt(p);
      if (value > 255) {
        return Optional.empty();
      }
      out[i] = (byte) value;
    }
    return Optional.of(out);
  }

  private static Optional<IpAddress> parseV6(String text) {
    String s = text;
    int zone = s.indexOf('%');
    if (zone >= 0) {
      if (zone == s.length() - 1) {
        return Optional.empty();
      }
      s = s.substring(0, zone);
    }
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return Optional.empty();
    }
    Optional<int[]> head;
    Optional<int[]> tail;
    if (gap < 0) {
      head = groups(s);
      tail = Optional.of(new int[0]);
    } else {
      head = groups(s.substring(0, gap));
      tail = groups(s.substring(gap + 2));
    }
    if (head.isEmpty() || tail.isEmpty()) {
      return Optional.empty();
    }
    int count = head.get().length + tail.get().length;
    if (gap < 0 ? count != 8 : count > 7) {
      return Optional.empty();
    }
    byte[] out = new byte[16];
    int[] h = head.get();
    int[] t = tail.get();
    for (int i = 0; i < h.length; i++) {
      out[2 * i] = (byte) (h[i] >> 8);
      out[2 * i + 1] = (byte) h[i];
    }
    for (int i = 0; i < t.length; i++) {
      int g = 8 - t.length + i;
      out[2 * g] = (byte) (t[i] >> 8);
      out[2 * g + 1] = (byte) t[i];
    }
    if (Arrays.equals(out, 0, 12, MAPPED_PREFIX, 0, 12)) {
      return Optional.of(new IpAddress(Arrays.copyOfRange(out, 12, 16)));
    }
    return Optional.of(new IpAddress(out));
  }

  /**
   * Colon-separated groups of 1 to 4 hex digits, the last one possibly a dotted IPv4 address (two
   * groups); an empty string is no groups.
   */
  private static Optional<int[]> groups(String s) {
    if (s.isEmpty()) {
      return Optional.of(new int[0]);
    }
    String[] parts = s.split(":", -1);
    int[] out = new int[parts.length + 1];
    int n = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (i == parts.length - 1 && p.indexOf('.') >= 0) {
        Optional<byte[]> v4 = parseV4(p);
        if (v4.isEmpty()) {
          return Optional.empty();
        }
        byte[] b = v4.get();
        out[n++] = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        out[n++] = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        continue;
      }
      if (p.isEmpty() || p.length() > 4) {
        return Optional.empty();
      }
      int value = 0;
      for (int k = 0; k < p.length(); k++) {
        int digit = hexDigit(p.charAt(k));
        if (digit < 0) {
          return Optional.empty();
        }
        value = (value << 4) | digit;
      }
      out[n++] = value;
    }
    return Optional.of(Arrays.copyOf(out, n));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
