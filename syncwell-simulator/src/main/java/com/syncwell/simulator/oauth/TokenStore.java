package com.syncwell.simulator.oauth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization codes, access and refresh tokens of one provider. Tokens are opaque random strings;
 * only this store knows what they mean.
 */
public final class TokenStore {
  private record Code(Grant grant, Instant expiresAt) {}

  /** An access token's grant and expiry. */
  public record Access(Grant grant, Instant expiresAt) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Map<String, Code> codes = new ConcurrentHashMap<>();
  private final Map<String, Access> access = new ConcurrentHashMap<>();
  private final Map<String, Grant> refresh = new ConcurrentHashMap<>();
  private final String accessPrefix;
  private final String refreshPrefix;

  public TokenStore(String accessPrefix, String refreshPrefix) {
    this.accessPrefix = accessPrefix;
    this.refreshPrefix = refreshPrefix;
  }

  static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  public static String newId() {
    return random(12);
  }

  public String issueCode(Grant grant, Instant now) {
    String code = "4/" + random(24);
    codes.put(code, new Code(grant, now.plus(Duration.ofMinutes(10))));
    return code;
  }

  /** The code's grant, once: a code is single-use and lives ten minutes. */
  public Optional<Grant> redeemCode(String code, Instant now) {
    if (code == null) {
      return Optional.empty();
    }
    Code c = codes.remove(code);
    if (c == null || now.isAfter(c.expiresAt)) {
      return Optional.empty();
    }
    return Optional.of(c.grant);
  }

  public String issueAccess(Grant grant, Instant expiresAt) {
    String token = accessPrefix + random(48);
    access.put(token, new Access(grant, expiresAt));
    return token;
  }

  public String issueRefresh(Grant grant) {
    String token = refreshPrefix + random(32);
    refresh.put(token, grant);
    return token;
  }

  /** The grant of a live access token. */
  public Optional<Grant> authenticate(String token, Instant now) {
    if (token == null) {
      return Optional.empty();
    }
    Access a = access.get(token);
    if (a == null || !now.isBefore(a.expiresAt)) {
      return Optional.empty();
    }
    return Optional.of(a.grant);
  }

  public Optional<Grant> refreshGrant(String token) {
    return token == null ? Optional.empty() : Optional.ofNullable(refresh.get(token));
  }

  public void dropRefresh(String token) {
    refresh.remove(token);
  }

  /** The grant of any token (access or refresh), for revocation. */
  public Optional<Grant> grantOf(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Access a = access.get(token);
    if (a != null) {
      return Optional.of(a.grant);
    }
    return Optional.ofNullable(refresh.get(token));
  }

  /** Invalidates every token and code of the grant. */
  public void revoke(Grant grant) {
    access.values().removeIf(a -> a.grant.id().equals(grant.id()));
    refresh.values().removeIf(g -> g.id().equals(grant.id()));
    codes.values().removeIf(c -> c.grant.id().equals(grant.id()));
  }

  /** Invalidates every token of an account (all its grants); null: of everyone. */
  public int revokeAccount(String accountName) {
    int before = access.size() + refresh.size();
    access
        .values()
        .removeIf(
            a -> accountName == null || a.grant.account().person().name().equals(accountName));
    refresh
        .values()
        .removeIf(g -> accountName == null || g.account().person().name().equals(accountName));
    return before - access.size() - refresh.size();
  }

  /** Makes access tokens of an account (null: all) expire at {@code now}. */
  public void expireAccess(String accountName, Instant now) {
    access.replaceAll(
        (t, a) ->
            accountName == null || a.grant.account().person().name().equals(accountName)
                ? new Access(a.grant, now)
                : a);
  }

  /** True when the account has authorised the client before (and a refresh token exists). */
  public boolean hasRefreshToken(String accountName, String clientId) {
    return refresh.values().stream()
        .anyMatch(
            g -> g.account().person().name().equals(accountName) && g.clientId().equals(clientId));
  }
}
