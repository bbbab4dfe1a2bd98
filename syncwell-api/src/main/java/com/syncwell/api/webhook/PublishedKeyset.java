package com.syncwell.api.webhook;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.SignatureConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Google Health API notification signatures against Google's published public Tink keyset
 * (ECDSA P-256 / SHA-256 keys).
 *
 * <p><b>Wire format:</b> the header value is base64 of Tink's output: {@code 0x01}, the 4-byte
 * big-endian key id, then the DER signature over the raw body.
 *
 * <p><b>Caching:</b> the keyset is fetched on first use and kept. It is fetched again when a
 * signature names a key id the cached keyset does not have (Google rotates keys about every 30
 * days), when a signature fails to verify, and when the cached copy is older than {@link #MAX_AGE}
 * — but never more than once per {@link #MIN_FETCH_INTERVAL} (by the injected clock), so forged
 * signatures cannot make us hammer the keyset host. A failed fetch (host down, timeout, oversized
 * or unparsable answer, a keyset with private key material) keeps the last good keyset.
 *
 * <p><b>Threading:</b> safe for concurrent use; verifications with a cached key take no lock, and
 * at most one fetch runs at a time.
 */
final class PublishedKeyset {
  static final Duration MIN_FETCH_INTERVAL = Duration.ofMinutes(1);
  static final Duration MAX_AGE = Duration.ofHours(24);

  private static final Logger LOG = LoggerFactory.getLogger(PublishedKeyset.class);
  private static final byte TINK_PREFIX = 0x01;
  private static final int PREFIX_LENGTH = 5;

  static {
    try {
      SignatureConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** One fetched keyset. */
  private record Loaded(PublicKeyVerify verifier, Set<Integer> keyIds, Instant fetchedAt) {
    boolean verifies(byte[] signature, byte[] body) {
      try {
        verifier.verify(signature, body);
        return true;
      } catch (GeneralSecurityException e) {
        return false;
      }
    }
  }

  private final KeysetSource source;
  private final Clock clock;
  private volatile Loaded current;
  private Instant lastAttempt; // guarded by this

  PublishedKeyset(KeysetSource source, Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Whether {@code signatureHeader} is a valid signature of {@code body}. */
  SignatureVerdict verify(String signatureHeader, byte[] body) {
    Optional<byte[]> decoded = decode(signatureHeader);
    if (decoded.isEmpty()) {
      return SignatureVerdict.INVALID;
    }
    byte[] signature = decoded.get();
    OptionalInt keyId = keyId(signature);
    Loaded seen = current;
    if (seen == null
        || (keyId.isPresent() && !seen.keyIds().contains(keyId.getAsInt()))
        || seen.fetchedAt().plus(MAX_AGE).isBefore(clock.instant())) {
      seen = refresh(seen);
    }
    if (seen == null) {
      return SignatureVerdict.KEYS_UNAVAILABLE;
    }
    if (seen.verifies(signature, body)) {
      return SignatureVerdict.VALID;
    }
    Loaded again = refresh(seen);
    return again != seen && again.verifies(signature, body)
        ? SignatureVerdict.VALID
        : SignatureVerdict.INVALID;
  }

  /**
   * Fetches the keyset unless another thread already replaced {@code seen} or the last attempt was
   * less than {@link #MIN_FETCH_INTERVAL} ago; returns the keyset to use (possibly {@code seen}).
   */
  private synchronized Loaded refresh(Loaded seen) {
    if (current != seen) {
      return current;
    }
    Instant now = clock.instant();
    if (lastAttempt != null && now.isBefore(lastAttempt.plus(MIN_FETCH_INTERVAL))) {
      return current;
    }
    lastAttempt = now;
    try {
      current = load(source.fetch(), now);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      LOG.warn(
          "fetching the Google Health webhook keyset failed ({}: {}); {}",
          e.getClass().getSimpleName(),
          e.getMessage(),
          current == null ? "no keyset yet" : "keeping the last good one");
    }
    return current;
  }

  private static Loaded load(String json, Instant at) throws GeneralSecurityException {
    KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(json);
    Set<Integer> ids = new HashSet<>();
    for (int i = 0; i < handle.size(); i++) {
      KeysetHandle.Entry entry = handle.getAt(i);
      if (entry.getStatus() == KeyStatus.ENABLED) {
        ids.add(entry.getId());
      }
    }
    PublicKeyVerify verifier =
        handle.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
    return new Loaded(verifier, Set.copyOf(ids), at);
  }

  private static Optional<byte[]> decode(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String value = header.strip();
    if (value.isEmpty() || value.length() > 1024) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getDecoder().decode(value));
    } catch (IllegalArgumentException notStandard) {
      try {
        return Optional.of(Base64.getUrlDecoder().decode(value));
      } catch (IllegalArgumentException notUrlSafe) {
        return Optional.empty();
      }
    }
  }

  /** The key id of a Tink-prefixed signature; empty for any other shape. */
  private static OptionalInt keyId(byte[] signature) {
    if (signature.length <= PREFIX_LENGTH || signature[0] != TINK_PREFIX) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(ByteBuffer.wrap(signature, 1, 4).getInt());
  }
}
