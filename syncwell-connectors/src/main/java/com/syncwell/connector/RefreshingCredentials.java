package com.syncwell.connector;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link Credentials} of one connection in this process: refreshes when the token expires within
 * the margin (default 5 minutes) or after a 401, one refresh at a time, persisting the new set
 * through the {@link TokenSink} before handing out its access token. Share one instance per
 * connection among the threads that work on it.
 */
public final class RefreshingCredentials implements Credentials {
  public static final Duration DEFAULT_MARGIN = Duration.ofMinutes(5);

  private final OAuthClient oauth;
  private final TokenSink sink;
  private final Clock clock;
  private final Duration margin;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile TokenSet tokens;

  public RefreshingCredentials(TokenSet tokens, OAuthClient oauth, TokenSink sink, Clock clock) {
    this(tokens, oauth, sink, clock, DEFAULT_MARGIN);
  }

  public RefreshingCredentials(
      TokenSet tokens, OAuthClient oauth, TokenSink sink, Clock clock, Duration margin) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.oauth = Objects.requireNonNull(oauth, "oauth");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.margin = Objects.requireNonNull(margin, "margin");
  }

  /** The current token set (for persisting or revoking). */
  public TokenSet tokens() {
    return tokens;
  }

  @Override
  public Optional<String> providerUserId() {
    return tokens.providerUserId();
  }

  @Override
  public String accessToken() {
    TokenSet current = tokens;
    if (!current.expiresWithin(margin, clock.instant())) {
      return current.accessToken();
    }
    lock.lock();
    try {
      if (tokens.expiresWithin(margin, clock.instant())) {
        refreshLocked();
      }
      return tokens.accessToken();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String renewAfter(String rejected) {
    lock.lock();
    try {
      if (!tokens.accessToken().equals(rejected)) {
        return tokens.accessToken(); // another thread renewed it meanwhile
      }
      refreshLocked();
      return tokens.accessToken();
    } finally {
      lock.unlock();
    }
  }

  private void refreshLocked() {
    TokenSet current = tokens;
    if (current.refreshToken().isEmpty()) {
      throw new AuthorizationRevoked(
          oauth.provider(), "the access token expired and there is no refresh token");
    }
    TokenSet renewed = current.renewedWith(oauth.refresh(current));
    sink.persist(renewed);
    tokens = renewed;
  }
}
