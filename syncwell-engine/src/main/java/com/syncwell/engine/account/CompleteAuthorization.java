package com.syncwell.engine.account;

import com.syncwell.connector.AuthorizationRevoked;
import com.syncwell.connector.Connector;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.RateLimited;
import com.syncwell.connector.TokenSet;
import com.syncwell.connector.Transient;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.Written;
import com.syncwell.engine.store.AlreadyConnected;
import com.syncwell.engine.store.AuthorizationNonceStore;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionCreated;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.store.ProviderAccountInUse;
import com.syncwell.engine.sync.ConnectorRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/connections}: the second half of connecting a provider account.
 *
 * <ol>
 *   <li>Verifies the state ({@link AuthorizationStates}): genuine, unexpired, issued to this caller
 *       for this provider and this redirect URI.
 *   <li>Records its nonce (put-if-absent, kept 10 minutes), so a state completes at most once: a
 *       second use is {@link StateAlreadyUsed}, also when two uses race.
 *   <li>Exchanges the code at the provider with the PKCE verifier. A refusal ({@link Permanent},
 *       {@link AuthorizationRevoked}) is {@link AuthorizationFailed}. An outage or rate limit
 *       ({@link Transient}, {@link RateLimited}) is {@link ProviderUnavailable} and forgets the
 *       nonce again, so the same request may be retried while the state is valid.
 *   <li>Connects the account the tokens name: a new connection, or — for an account this user
 *       connected before — the existing connection with the new grant, ACTIVE again. An account
 *       connected to another user is {@link ProviderAccountTaken}; its new grant is left alone
 *       (revoking it could revoke the other user's grant with it).
 * </ol>
 *
 * <p>Logs name the provider and the connection id, never the user, a code or a token.
 */
public final class CompleteAuthorization {
  private static final Logger LOG = LoggerFactory.getLogger(CompleteAuthorization.class);
  private static final int MAX_CODE_LENGTH = 4096;
  private static final int MAX_ATTEMPTS = 5;

  private final ConnectorRegistry connectors;
  private final AuthorizationStates states;
  private final AuthorizationNonceStore nonces;
  private final ConnectionStore connections;
  private final Clock clock;

  public CompleteAuthorization(
      ConnectorRegistry connectors,
      AuthorizationStates states,
      AuthorizationNonceStore nonces,
      ConnectionStore connections,
      Clock clock) {
    this.connectors = Objects.requireNonNull(connectors, "connectors");
    this.states = Objects.requireNonNull(states, "states");
    this.nonces = Objects.requireNonNull(nonces, "nonces");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param userId the caller, from the token
   * @throws StorageFailure when the store fails or the connection kept changing under every attempt
   */
  public CompleteAuthorizationOutcome complete(String userId, AuthorizationCompletion request) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(request, "request");
    if (request.provider() == null || request.provider().isBlank()) {
      return new InvalidField("provider", "is required");
    }
    if (request.code() == null
        || request.code().isBlank()
        || request.code().length() > MAX_CODE_LENGTH) {
      return new InvalidField("code", "is required, at most " + MAX_CODE_LENGTH + " characters");
    }
    if (!FieldRules.isPkceValue(request.codeVerifier())) {
      return new InvalidField("codeVerifier", FieldRules.PKCE_RULE);
    }
    if (request.state() == null || request.state().isBlank()) {
      return new InvalidField("state", "is required");
    }
    Optional<URI> redirect = FieldRules.redirectUri(request.redirectUri());
    if (redirect.isEmpty()) {
      return new InvalidField("redirectUri", FieldRules.REDIRECT_URI_RULE);
    }
    Optional<Connector> connector = connectors.forProvider(request.provider());
    if (connector.isEmpty()) {
      return new UnknownProvider(request.provider());
    }

    ValidState state;
    switch (states.verify(request.state(), userId, request.provider(), redirect.get())) {
      case ValidState valid -> state = valid;
      case InvalidState invalid -> {
        return invalid;
      }
      case StateExpired expired -> {
        return expired;
      }
    }
    Instant keepUntil = clock.instant().plus(AuthorizationStates.LIFETIME);
    if (state.expiresAt().isAfter(keepUntil)) {
      keepUntil = state.expiresAt();
    }
    if (!nonces.recordFirstUse(userId, state.nonce(), keepUntil)) {
      return new StateAlreadyUsed();
    }

    TokenSet tokens;
    try {
      tokens =
          connector
              .get()
              .oauth()
              .exchangeCode(request.code(), request.codeVerifier(), redirect.get());
    } catch (Permanent | AuthorizationRevoked refused) {
      LOG.info(
          "authorization at {} refused by the provider ({})",
          request.provider(),
          refused.getClass().getSimpleName());
      return new AuthorizationFailed();
    } catch (RateLimited limited) {
      nonces.forget(userId, state.nonce());
      return new ProviderUnavailable(Optional.of(limited.retryAt()));
    } catch (Transient unavailable) {
      LOG.info("authorization at {}: the provider is unavailable", request.provider());
      nonces.forget(userId, state.nonce());
      return new ProviderUnavailable(Optional.empty());
    }
    String account =
        tokens
            .providerUserId()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the " + request.provider() + " token response named no account"));
    return connect(userId, request.provider(), account, tokens);
  }

  private CompleteAuthorizationOutcome connect(
      String userId, String provider, String account, TokenSet tokens) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      switch (connections.create(userId, provider, account, tokens)) {
        case ConnectionCreated created -> {
          LOG.info("connection {} to {} created", created.connection().connectionId(), provider);
          return new Connected(created.connection(), true);
        }
        case ProviderAccountInUse inUse -> {
          LOG.info("authorization at {}: the account is connected to another user", provider);
          return new ProviderAccountTaken();
        }
        case AlreadyConnected already -> {
          Connection existing = already.existing();
          if (connections.reauthorize(userId, existing.connectionId(), tokens, existing.version())
              instanceof Written) {
            Optional<Connection> now = connections.get(userId, existing.connectionId());
            if (now.isPresent()) {
              LOG.info("connection {} to {} authorized again", existing.connectionId(), provider);
              return new Connected(now.get(), false);
            }
          }
          // Changed or deleted in between: decide again on what is there now.
        }
      }
    }
    throw new StorageFailure("the connection kept changing while it was being connected", null);
  }
}
