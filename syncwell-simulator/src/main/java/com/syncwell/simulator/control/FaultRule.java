package com.syncwell.simulator.control;

/**
 * An injected fault. {@code provider} is required; {@code user} (simulated account name) and {@code
 * route} (a substring of the route key, e.g. {@code GET /api/v3/athlete/activities}) narrow it.
 * Latency is added first; then a 429 storm answers every matching call with 429; else an {@code
 * errorRate} share (0..1) of calls fails with {@code errorStatus} (500 or 503). A seed makes the
 * error draw repeatable.
 */
public record FaultRule(
    String provider,
    String user,
    String route,
    long latencyMillis,
    double errorRate,
    int errorStatus,
    boolean throttle,
    Long seed) {

  public boolean applies(String provider, String user, String routeKey) {
    return this.provider.equals(provider)
        && (this.user == null || this.user.equals(user))
        && (this.route == null || routeKey.contains(this.route));
  }
}
