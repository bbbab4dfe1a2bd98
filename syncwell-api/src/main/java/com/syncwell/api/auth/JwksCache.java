package com.syncwell.api.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One issuer's public keys, fetched from its JWKS URL and kept in memory; a Nimbus {@link
 * JWKSource} for that issuer's processor. Time comes from the injected clock, so the refresh rules
 * are testable (Nimbus's own caching sources read the system time).
 *
 * <ul>
 *   <li>The first request fetches the set. A {@code kid} not in the set, or a set older than {@code
 *       maxAge}, triggers a refetch, but fetches (successful or not) are at least {@code
 *       refreshInterval} apart, so a stream of tokens with invented key ids costs at most one fetch
 *       per interval.
 *   <li>A failed fetch (host down, HTTP error, oversized or unparseable document, no keys) keeps
 *       the last good set; only when no set was ever fetched does {@link #get} throw {@link
 *       KeySourceException} (the authenticator's {@code keys_unavailable}).
 *   <li>Fetches use a connect and a read timeout and a size limit (Nimbus's {@code
 *       DefaultResourceRetriever} behind {@link JWKSet#load(URL, int, int, int)}).
 * </ul>
 *
 * <p><b>Threading:</b> safe for concurrent use. One thread fetches at a time; a thread whose key is
 * in the current set never waits for a fetch (it refreshes a stale set only when no one else is).
 */
final class JwksCache implements JWKSource<SecurityContext> {
  private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);

  private final String issuerLabel;
  private final URL url;
  private final Clock clock;
  private final Duration refreshInterval;
  private final Duration maxAge;
  private final int timeoutMillis;
  private final int maxBytes;
  private final ReentrantLock fetching = new ReentrantLock();

  private volatile Fetched current;
  private Instant lastAttempt; // guarded by fetching

  private record Fetched(JWKSet keys, Instant at) {}

  JwksCache(String issuerLabel, URL url, Clock clock, AuthLimits limits) {
    this.issuerLabel = Objects.requireNonNull(issuerLabel, "issuerLabel");
    this.url = Objects.requireNonNull(url, "url");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.refreshInterval = limits.jwksRefreshInterval();
    this.maxAge = limits.jwksMaxAge();
    this.timeoutMillis = Math.toIntExact(limits.jwksTimeout().toMillis());
    this.maxBytes = limits.jwksMaxBytes();
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    Fetched known = current;
    if (known != null) {
      List<JWK> found = selector.select(known.keys());
      if (!found.isEmpty()) {
        return stale(known) ? afterOptionalRefresh(selector, found) : found;
      }
    }
    fetching.lock();
    try {
      known = current;
      if (known != null) {
        // Another thread may have fetched the key while this one waited.
        List<JWK> found = selector.select(known.keys());
        if (!found.isEmpty()) {
          return found;
        }
      }
      refreshIfDue();
      known = current;
      if (known == null) {
        throw new KeySourceException("the JWKS of " + issuerLabel + " was never fetched");
      }
      return selector.select(known.keys());
    } finally {
      fetching.unlock();
    }
  }

  private List<JWK> afterOptionalRefresh(JWKSelector selector, List<JWK> found) {
    if (!fetching.tryLock()) {
      return found;
    }
    try {
      refreshIfDue();
      // A refreshed set without the key means the issuer withdrew it.
      return selector.select(current.keys());
    } finally {
      fetching.unlock();
    }
  }

  private boolean stale(Fetched fetched) {
    return !clock.instant().isBefore(fetched.at().plus(maxAge));
  }

  /** Fetches unless the last attempt is less than the refresh interval ago. Holds the lock. */
  private void refreshIfDue() {
    Instant now = clock.instant();
    if (lastAttempt != null && now.isBefore(lastAttempt.plus(refreshInterval))) {
      return;
    }
    lastAttempt = now;
    try {
      JWKSet loaded = JWKSet.load(url, timeoutMillis, timeoutMillis, maxBytes);
      if (loaded.isEmpty()) {
        LOG.warn("the JWKS of {} has no keys; keeping the previous set", issuerLabel);
        return;
      }
      current = new Fetched(loaded.toPublicJWKSet(), now);
      LOG.debug("fetched the JWKS of {} ({} keys)", issuerLabel, loaded.size());
    } catch (IOException | ParseException | RuntimeException e) {
      LOG.warn(
          "cannot fetch the JWKS of {} ({}); {}",
          issuerLabel,
          e.toString(),
          current == null ? "no keys yet" : "keeping the last good set");
    }
  }
}
