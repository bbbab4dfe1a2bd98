package com.syncwell.app.config;

import java.util.List;

/**
 * Per-user token bucket, per-IP window, and the proxies (IPs or CIDR ranges) whose {@code
 * X-Forwarded-For} names the client.
 */
public record RateSettings(
    int userPerSecond, int userBurst, int ipPer5Minutes, List<String> trustedProxies) {
  public RateSettings {
    trustedProxies = List.copyOf(trustedProxies);
  }
}
