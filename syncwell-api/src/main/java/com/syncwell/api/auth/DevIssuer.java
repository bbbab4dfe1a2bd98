package com.syncwell.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local identity provider of dev and demo mode: mints RS256 tokens for any user id, which
 * {@link JwtAuthenticator} accepts when built with it (its public keys are handed over in-process,
 * no HTTP). Never enable it in production: whoever can call {@link #mint} is anyone.
 *
 * <p>The RSA-2048 key pair is a private JWK in {@value #KEY_FILE_NAME} in the data directory,
 * created on first use (owner-only permissions where the file system has them) and reused after, so
 * tokens stay valid across restarts and between processes sharing the directory (e.g. {@code
 * syncwell dev} and {@code syncwell token}).
 *
 * <p><b>Threading:</b> safe for concurrent use. <b>Failure:</b> {@link #openOrCreate} throws {@link
 * UncheckedIOException} when the key file cannot be read or written and {@link
 * IllegalStateException} when it holds no usable RSA private key.
 */
public final class DevIssuer {
  /** The {@code iss} of dev tokens. */
  public static final String ISSUER = "https://dev.syncwell.local";

  /** The {@code aud} of dev tokens. */
  public static final String AUDIENCE = "syncwell-dev";

  /** The key file's name in the data directory. */
  public static final String KEY_FILE_NAME = "dev-issuer-key.json";

  private static final Logger LOG = LoggerFactory.getLogger(DevIssuer.class);
  private static final int KEY_BITS = 2048;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private final RSAKey key;
  private final JWSSigner signer;
  private final Clock clock;

  private DevIssuer(RSAKey key, Clock clock) {
    this.key = key;
    this.clock = clock;
    try {
      this.signer = new RSASSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("the dev issuer key cannot sign", e);
    }
  }

  /**
   * The dev issuer whose key is in {@code dataDir} (created with the directory when absent).
   *
   * @param clock the time of {@code iat} and {@code exp} in minted tokens
   */
  public static DevIssuer openOrCreate(Path dataDir, Clock clock) {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(clock, "clock");
    Path file = dataDir.resolve(KEY_FILE_NAME);
    if (!Files.exists(file)) {
      create(file);
    }
    return new DevIssuer(read(file), clock);
  }

  /**
   * A signed RS256 JWT for {@code userId}, valid from now for {@code ttl}: {@code iss} {@value
   * #ISSUER}, {@code aud} {@value #AUDIENCE}, {@code sub} the user id, {@code iat}, {@code exp}, a
   * random {@code jti}; the header names the key ({@code kid}).
   *
   * @param userId 1 to 128 characters, no {@code #} or control characters (a store key part)
   */
  public String mint(String userId, Duration ttl) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(ttl, "ttl");
    if (userId.isBlank()
        || userId.length() > 128
        || userId.chars().anyMatch(c -> c == '#' || Character.isISOControl(c))) {
      throw new IllegalArgumentException(
          "user id must be 1 to 128 characters without '#' or control characters");
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive");
    }
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(userId)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID(key.getKeyID())
            .type(JOSEObjectType.JWT)
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("the dev issuer key cannot sign", e);
    }
    return jwt.serialize();
  }

  /** The {@code kid} of the signing key (its RFC 7638 thumbprint). */
  public String keyId() {
    return key.getKeyID();
  }

  /** The public half, as the authenticator's key source for {@value #ISSUER}. */
  JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }

  private static RSAKey read(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dev issuer key file " + file, e);
    }
    warnUnlessOwnerOnly(file);
    RSAKey parsed;
    try {
      parsed = RSAKey.parse(json);
    } catch (ParseException | RuntimeException e) {
      // Not chained: parser messages may quote the private key.
      throw new IllegalStateException(
          "dev issuer key file " + file + " is not an RSA JWK; delete it to generate a new one");
    }
    if (!parsed.isPrivate() || parsed.size() < KEY_BITS || parsed.getKeyID() == null) {
      throw new IllegalStateException(
          "dev issuer key file "
              + file
              + " holds no RSA-2048 private key with a key id; delete it to generate a new one");
    }
    return parsed;
  }

  private static void create(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      RSAKey generated =
          new RSAKeyGenerator(KEY_BITS)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyIDFromThumbprint(true)
              .generate();
      temp = Files.createTempFile(dir, ".dev-issuer-key", ".tmp", ownerOnly(dir));
      Files.writeString(temp, generated.toJSONString(), StandardCharsets.UTF_8);
      try {
        // Linking fails when the name is taken: of two processes creating at once, the first wins
        // and both read its key.
        Files.createLink(file, temp);
      } catch (FileAlreadyExistsException lostTheRace) {
        LOG.debug("another process created the dev issuer key first");
      } catch (UnsupportedOperationException | IOException noHardLinks) {
        if (!Files.exists(file)) {
          Files.move(temp, file);
          temp = null;
        }
      }
      LOG.info("generated a dev issuer key at {}", file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the dev issuer key file " + file, e);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA-2048 key", e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      LOG.warn("cannot delete the temporary dev issuer key file {}", temp);
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path dir) {
    return posix(dir)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static void warnUnlessOwnerOnly(Path file) {
    if (!posix(file)) {
      return;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(permissions)) {
        LOG.warn(
            "dev issuer key file {} is readable by group or others ({}); chmod 600 it",
            file,
            PosixFilePermissions.toString(permissions));
      }
    } catch (IOException e) {
      LOG.warn("cannot read the permissions of the dev issuer key file {}", file);
    }
  }
}
