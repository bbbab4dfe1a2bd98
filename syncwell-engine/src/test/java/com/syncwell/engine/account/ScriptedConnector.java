package com.syncwell.engine.account;

import com.syncwell.connector.AuthorizationRequest;
import com.syncwell.connector.Connector;
import com.syncwell.connector.OAuthClient;
import com.syncwell.connector.ProviderDescription;
import com.syncwell.connector.ProviderException;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.RecordWriter;
import com.syncwell.connector.TokenSet;
import com.syncwell.domain.DataType;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connector whose description is given and whose OAuth client is scripted: the code exchange
 * returns tokens for {@link #account} or throws the next scripted failure; revocations are recorded
 * (or fail when told to). It has no readers or writers: the use cases read only the description.
 */
final class ScriptedConnector implements Connector {
  final String id;
  final Set<DataType> readable;
  final Set<DataType> writable;
  volatile String account = "account-1";
  volatile ProviderException nextExchangeFailure;
  volatile RuntimeException revokeFailure;
  final AtomicInteger exchanges = new AtomicInteger();
  final List<TokenSet> revoked = new ArrayList<>();

  ScriptedConnector(String id, Set<DataType> readable, Set<DataType> writable) {
    this.id = id;
    this.readable = readable;
    this.writable = writable;
  }

  @Override
  public ProviderDescription describe() {
    return new ProviderDescription(
        id, "Scripted " + id, readable, writable, false, List.of(), List.of());
  }

  @Override
  public Optional<RecordReader> reader(DataType type) {
    return Optional.empty();
  }

  @Override
  public Optional<RecordWriter> writer(DataType type) {
    return Optional.empty();
  }

  @Override
  public OAuthClient oauth() {
    return new OAuthClient() {
      @Override
      public String provider() {
        return id;
      }

      @Override
      public URI authorizationUrl(AuthorizationRequest request) {
        return URI.create(
            "https://auth.example/" + id + "?state=" + request.state() + "&redirect_uri=x");
      }

      @Override
      public TokenSet exchangeCode(String code, String codeVerifier, URI redirectUri) {
        exchanges.incrementAndGet();
        ProviderException failure = nextExchangeFailure;
        if (failure != null) {
          nextExchangeFailure = null;
          throw failure;
        }
        return tokens(account);
      }

      @Override
      public TokenSet refresh(TokenSet current) {
        return current;
      }

      @Override
      public void revoke(TokenSet tokens) {
        if (revokeFailure != null) {
          throw revokeFailure;
        }
        synchronized (revoked) {
          revoked.add(tokens);
        }
      }
    };
  }

  static TokenSet tokens(String account) {
    return new TokenSet(
        "at-" + account,
        Optional.of("rt-" + account),
        Instant.parse("2030-01-01T00:00:00Z"),
        Set.of("read"),
        Optional.of(account));
  }
}
