package com.syncwell.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Tokens that verified, remembered until their {@code exp} so a repeated token skips parsing and
 * signature checks. Keyed by the SHA-256 of the token (the token itself is never kept); bounded in
 * size (Caffeine evicts the least useful entries beyond it). Each entry expires at its token's
 * {@code exp} on the injected clock (Caffeine reads time through a {@link Ticker} over it), and a
 * hit is checked against {@code exp} again, so no entry outlives its token. Safe for concurrent
 * use.
 */
final class VerifiedTokens {
  private record Entry(AuthOutcome.Authenticated outcome, Instant expiresAt) {}

  private final Clock clock;
  private final Cache<String, Entry> entries;

  VerifiedTokens(Clock clock, long maximumSize) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.entries =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .ticker(() -> epochNanos(clock.instant()))
            .expireAfter(new UntilExp())
            .executor(Runnable::run)
            .build();
  }

  Optional<AuthOutcome.Authenticated> find(String token) {
    Entry entry = entries.getIfPresent(digest(token));
    if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(entry.outcome());
  }

  void remember(String token, AuthOutcome.Authenticated outcome, Instant expiresAt) {
    if (clock.instant().isBefore(expiresAt)) {
      entries.put(digest(token), new Entry(outcome, expiresAt));
    }
  }

  /** Entries not yet evicted (expired ones may linger until Caffeine's next maintenance). */
  long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }

  private static String digest(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static long epochNanos(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }

  /** Lifetime of an entry: from now (Caffeine's ticker) to the token's {@code exp}. */
  private static final class UntilExp implements Expiry<String, Entry> {
    @Override
    public long expireAfterCreate(String key, Entry entry, long currentTime) {
      return Math.max(0, epochNanos(entry.expiresAt()) - currentTime);
    }

    @Override
    public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
      return expireAfterCreate(key, entry, currentTime);
    }

    @Override
    public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
