package com.syncwell.api.limit;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The client's IP address for per-IP limits, behind reverse proxies the operator trusts.
 *
 * <p>{@code X-Forwarded-For} is read only when the immediate peer (the socket's remote address) is
 * a trusted proxy, since anyone else can send any header. It is then walked from the right, the end
 * the proxies append to: trusted proxies are skipped and the first address that is not one is the
 * client; entries to its left are whatever the client sent and are never believed. Entries that are
 * not an IP address ({@code unknown}, empty, host names, obfuscated identifiers) are skipped. When
 * every entry is a trusted proxy, the left-most one is the client; without usable entries, the
 * peer.
 *
 * <p>Addresses come back in one canonical text, so one client is one bucket key: IPv4 dotted
 * decimal without leading zeros, IPv6 per RFC 5952 (lower case, zero groups compressed), an
 * IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}, as dual-stack sockets report IPv4 peers) as
 * its IPv4 address; ports ({@code 192.0.2.1:5123}, {@code [2001:db8::1]:443}) and IPv6 zones are
 * dropped. No name is ever looked up.
 *
 * <p>Immutable and thread-safe; build one with {@link #trusting} at startup (that validates the
 * configuration) and call {@link #resolve(String, String)} per request.
 */
public final class ClientAddress {
  private final List<AddressRange> trustedProxies;

  private ClientAddress(List<AddressRange> trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  /**
   * Trusts the proxies in {@code trustedProxies}: single addresses ({@code 10.0.0.2}, {@code ::1})
   * or CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8}); empty trusts none.
   *
   * @throws IllegalArgumentException when an entry is neither
   */
  public static ClientAddress trusting(Collection<String> trustedProxies) {
    return new ClientAddress(trustedProxies.stream().map(AddressRange::parse).toList());
  }

  /**
   * The client address for one request.
   *
   * @param peerIp the remote address of the connection; returned as it is (stripped) when it is not
   *     an IP address
   * @param xForwardedForHeader the {@code X-Forwarded-For} value, several header lines joined with
   *     {@code ","}, or null when absent
   */
  public String resolve(String peerIp, String xForwardedForHeader) {
    Objects.requireNonNull(peerIp, "peerIp");
    Optional<IpAddress> peer = IpAddress.parseEndpoint(peerIp);
    if (peer.isEmpty()) {
      return peerIp.strip();
    }
    if (xForwardedForHeader == null || !isTrusted(peer.get())) {
      return peer.get().toString();
    }
    IpAddress client = peer.get();
    String[] entries = xForwardedForHeader.split(",", -1);
    for (int i = entries.length - 1; i >= 0; i--) {
      Optional<IpAddress> entry = IpAddress.parseEndpoint(entries[i]);
      if (entry.isEmpty()) {
        continue;
      }
      client = entry.get();
      if (!isTrusted(client)) {
        break;
      }
    }
    return client.toString();
  }

  /**
   * {@link #resolve(String, String)} with the proxies in {@code trustedProxies} (addresses or CIDR
   * blocks) trusted; parses them on every call, so prefer one {@link #trusting} instance.
   *
   * @throws IllegalArgumentException when a trusted proxy entry is neither an address nor a block
   */
  public static String resolve(
      String peerIp, String xForwardedForHeader, Collection<String> trustedProxies) {
    return trusting(trustedProxies).resolve(peerIp, xForwardedForHeader);
  }

  private boolean isTrusted(IpAddress address) {
    for (AddressRange range : trustedProxies) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }
}
