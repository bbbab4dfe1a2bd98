package com.syncwell.api.http;

import com.syncwell.engine.port.limit.RateDecision;
import com.syncwell.engine.port.limit.RatePolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The rate-limit response headers for one policy's decision. */
final class LimitHeaders {
  private LimitHeaders() {}

  static Map<String, String> of(RatePolicy policy, RateDecision decision) {
    Map<String, String> h = new LinkedHashMap<>();
    long window =
        Math.max(1, policy.refillPeriod().toSeconds() * policy.capacity() / policy.refillTokens());
    h.put("RateLimit-Policy", "\"" + policy.name() + "\";q=" + policy.capacity() + ";w=" + window);
    switch (decision) {
      case RateDecision.Allowed a ->
          h.put(
              "RateLimit",
              "\"" + policy.name() + "\";r=" + a.remaining() + ";t=" + seconds(a.untilFull()));
      case RateDecision.Throttled t -> {
        h.put("RateLimit", "\"" + policy.name() + "\";r=0;t=" + seconds(t.retryAfter()));
        h.put("Retry-After", Long.toString(seconds(t.retryAfter())));
      }
    }
    return h;
  }

  private static long seconds(Duration d) {
    long s = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, s);
  }
}
