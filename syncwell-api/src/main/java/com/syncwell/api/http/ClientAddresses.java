package com.syncwell.api.http;

import java.util.List;
import java.util.Optional;

/** The client IP of a request, believing X-Forwarded-For only from trusted proxies. */
final class ClientAddresses {
  private ClientAddresses() {}

  static String resolve(String peer, Optional<String> forwardedFor, List<String> trusted) {
    if (forwardedFor.isEmpty() || !trusted.contains(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.get().split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !trusted.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
