package com.syncwell.api.limit;

import java.util.Objects;

/**
 * A block of addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}) or a single address
 * ({@code 192.0.2.7}, {@code ::1}). An IPv4 range holds IPv4 addresses only (IPv4-mapped IPv6
 * addresses count as IPv4, see {@link IpAddress}).
 */
final class AddressRange {
  private final byte[] network;
  private final int prefixLength;

  private AddressRange(byte[] network, int prefixLength) {
    this.network = network;
    this.prefixLength = prefixLength;
  }

  /**
   * Parses a range.
   *
   * @throws IllegalArgumentException when {@code text} is not an address or a CIDR block
   */
  static AddressRange parse(String text) {
    Objects.requireNonNull(text, "trusted proxy");
    String s = text.strip();
    int slash = s.indexOf('/');
    String address = slash < 0 ? s : s.substring(0, slash);
    IpAddress ip =
        IpAddress.parse(address)
            .orElseThrow(() -> new IllegalArgumentException("not an IP address: " + text));
    int bits = ip.bytes().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String length = s.substring(slash + 1);
      if (length.isEmpty()
          || length.length() > 3
          || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("not a CIDR block: " + text);
      }
      prefix = Integer.parseInt(length);
      if (address.indexOf(':') >= 0 && ip.isV4()) {
        // an IPv4-mapped block: its prefix counts the 96 bits of the mapping
        prefix -= 96;
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("prefix length out of range: " + text);
      }
    }
    return new AddressRange(ip.bytes(), prefix);
  }

  boolean contains(IpAddress address) {
    byte[] candidate = address.bytes();
    if (candidate.length != network.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (candidate[full] & mask) == (network[full] & mask);
  }
}
