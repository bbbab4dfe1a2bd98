package com.syncwell.engine.account;

import com.syncwell.engine.port.StateSigner;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Issues and verifies the OAuth {@code state} of an authorization in progress: signed by the
 * service's {@link StateSigner}, valid for {@link #LIFETIME}, bound to the user, the provider and
 * the redirect URI, and carrying a random nonce that {@link CompleteAuthorization} records so that
 * it completes at most once.
 *
 * <p>Format: {@code s1.<nonce>.<expiry epoch seconds>.<signature>} (base64url). The user id, the
 * provider and the redirect URI are signed but not carried: the state travels through the browser
 * and the provider, which need not learn our user id. A state presented by another user, for
 * another provider or with another redirect URI therefore fails its signature exactly as a tampered
 * one does, and is refused the same way.
 *
 * <p>Stateless and safe for concurrent use.
 */
public final class AuthorizationStates {
  /** How long a state is valid after it is issued. */
  public static final Duration LIFETIME = Duration.ofMinutes(10);

  private static final String VERSION = "s1";
  private static final String CONTEXT = "syncwell/oauth-state/v1";
  private static final int NONCE_BYTES = 16;
  private static final int MAX_STATE_LENGTH = 512;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22}");

  private final StateSigner signer;
  private final Clock clock;

  public AuthorizationStates(StateSigner signer, Clock clock) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A new state for {@code userId} authorizing {@code provider} with {@code redirectUri}. */
  public String issue(String userId, String provider, URI redirectUri) {
    byte[] random = new byte[NONCE_BYTES];
    RANDOM.nextBytes(random);
    String nonce = B64.encodeToString(random);
    long expires = clock.instant().plus(LIFETIME).getEpochSecond();
    byte[] signature = signer.sign(signed(nonce, expires, userId, provider, redirectUri));
    return VERSION + "." + nonce + "." + expires + "." + B64.encodeToString(signature);
  }

  /**
   * Whether {@code state} was issued by {@link #issue} for this user, provider and redirect URI and
   * has not expired. The signature is checked first, so an expired state is reported as such only
   * when it is genuine. Never throws for a malformed state.
   */
  public StateVerdict verify(String state, String userId, String provider, URI redirectUri) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(redirectUri, "redirectUri");
    if (state == null || state.length() > MAX_STATE_LENGTH) {
      return new InvalidState();
    }
    String[] parts = state.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals(VERSION)) {
      return new InvalidState();
    }
    String nonce = parts[1];
    long expires;
    byte[] signature;
    if (!NONCE.matcher(nonce).matches()) {
      return new InvalidState();
    }
    try {
      expires = Long.parseLong(parts[2]);
      signature = Base64.getUrlDecoder().decode(parts[3]);
    } catch (IllegalArgumentException malformed) {
      return new InvalidState();
    }
    if (!Long.toString(expires).equals(parts[2])
        || !B64.encodeToString(signature).equals(parts[3])) {
      // One spelling per state: no leading zeros or sign, no stray bits in the last character.
      return new InvalidState();
    }
    if (!signer.verifies(signature, signed(nonce, expires, userId, provider, redirectUri))) {
      return new InvalidState();
    }
    Instant expiresAt = Instant.ofEpochSecond(expires);
    if (!clock.instant().isBefore(expiresAt)) {
      return new StateExpired();
    }
    return new ValidState(nonce, expiresAt);
  }

  /** What the signature covers: each part length-prefixed, so no two inputs give the same bytes. */
  private static byte[] signed(
      String nonce, long expires, String userId, String provider, URI redirectUri) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(CONTEXT);
      out.writeUTF(nonce);
      out.writeLong(expires);
      out.writeUTF(userId);
      out.writeUTF(provider);
      out.writeUTF(redirectUri.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize an OAuth state", e);
    }
    return bytes.toByteArray();
  }
}
