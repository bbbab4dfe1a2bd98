package com.syncwell.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.connector.TokenSet;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link TokenSet} as the JSON bytes that get encrypted. Errors never quote the content: it holds
 * the tokens.
 */
final class TokenSetJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The stored shape: explicit, nullable fields, so the format does not follow TokenSet. */
  record Stored(
      String accessToken,
      String refreshToken,
      String expiresAt,
      List<String> scopes,
      String providerUserId) {}

  private TokenSetJson() {}

  static byte[] write(TokenSet tokens) {
    Stored stored =
        new Stored(
            tokens.accessToken(),
            tokens.refreshToken().orElse(null),
            tokens.expiresAt().toString(),
            tokens.scopes().stream().sorted().toList(),
            tokens.providerUserId().orElse(null));
    try {
      return MAPPER.writeValueAsBytes(stored);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a token set", null);
    }
  }

  static TokenSet read(byte[] json) {
    try {
      Stored s = MAPPER.readValue(json, Stored.class);
      return new TokenSet(
          s.accessToken(),
          Optional.ofNullable(s.refreshToken()),
          Instant.parse(s.expiresAt()),
          s.scopes() == null ? Set.of() : Set.copyOf(s.scopes()),
          Optional.ofNullable(s.providerUserId()));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("decrypted tokens are not a stored token set", null);
    }
  }
}
