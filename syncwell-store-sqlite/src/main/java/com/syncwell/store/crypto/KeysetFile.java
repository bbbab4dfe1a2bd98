package com.syncwell.store.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded mode's master key: a Tink AES-256-GCM keyset in cleartext Tink JSON, in a file only
 * its owner may read or write ({@code rw-------}). Whoever holds the file can decrypt every stored
 * token, and without it no stored token can be decrypted: back it up with the database, never
 * beside it in a public place.
 *
 * <p>Rotation: Tink keysets hold several keys, each wrapped data key names the key that wrapped it,
 * and the primary key wraps new ones. Adding a new primary key to the file (Tink's {@code tinkey}
 * tool) rotates the master key without re-encrypting anything; old keys stay until every ciphertext
 * was rewritten.
 */
public final class KeysetFile {
  /** The file name of the generated keyset in the data directory. */
  public static final String DEFAULT_NAME = "master-keyset.json";

  private static final Logger LOG = LoggerFactory.getLogger(KeysetFile.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private KeysetFile() {}

  /** Where the generated keyset lives in a data directory. */
  public static Path inDataDir(Path dataDir) {
    return dataDir.resolve(DEFAULT_NAME);
  }

  /** The master AEAD of the keyset in {@code file}, which must exist. */
  public static Aead open(Path file) {
    Objects.requireNonNull(file, "file");
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new MasterKeyUnavailable(
          "master keyset file "
              + file
              + " does not exist; point SYNCWELL_MASTER_KEY_FILE at the keyset that encrypted the"
              + " stored tokens, or unset it to use the one generated in the data directory");
    } catch (IOException e) {
      throw new MasterKeyUnavailable("master keyset file " + file + " cannot be read", e);
    }
    warnUnlessOwnerOnly(file);
    try {
      KeysetHandle handle =
          TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
      return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException | RuntimeException e) {
      // The cause is not chained: parser messages may quote parts of the file.
      throw new MasterKeyUnavailable(
          "master keyset file "
              + file
              + " is not a Tink AEAD keyset (corrupt or of another kind); restore it from a backup:"
              + " stored tokens cannot be decrypted without it");
    }
  }

  /**
   * The master AEAD of the keyset in {@code file}; when the file does not exist, generates a new
   * AES-256-GCM keyset and writes it there, owner-only, atomically (two processes starting at once
   * end up with the same key).
   */
  public static Aead openOrCreate(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.exists(file)) {
      create(file, PredefinedAeadParameters.AES256_GCM, "master keyset", MasterKeyUnavailable::new);
    }
    return open(file);
  }

  /**
   * Generates a keyset of {@code parameters} and writes it to {@code file}, owner-only, atomically;
   * keeps the file another process created first. I/O failures become {@code failure(message,
   * cause)}, naming the file and {@code what} it holds, never its contents.
   */
  static void create(
      Path file,
      Parameters parameters,
      String what,
      BiFunction<String, Throwable, RuntimeException> failure) {
    Path dir = file.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      String json =
          TinkJsonProtoKeysetFormat.serializeKeyset(
              KeysetHandle.generateNew(parameters), InsecureSecretKeyAccess.get());
      temp = Files.createTempFile(dir, ".keyset", ".tmp", ownerOnly(dir));
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
      try {
        // A hard link fails when the name exists, so a concurrent creator never gets replaced.
        Files.createLink(file, temp);
      } catch (FileAlreadyExistsException raced) {
        LOG.debug("another process created the {} first; using it", what);
      } catch (UnsupportedOperationException | IOException noLinks) {
        if (!Files.exists(file)) {
          Files.move(temp, file);
          temp = null;
        }
      }
      LOG.info("generated a new {} at {}", what, file);
    } catch (IOException e) {
      throw failure.apply("cannot create the " + what + " file " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink cannot generate a keyset for the " + what, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          LOG.warn("could not delete a temporary keyset file in {}", dir);
        }
      }
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path dir) {
    if (!posix(dir)) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  static void warnUnlessOwnerOnly(Path file) {
    if (!posix(file)) {
      return;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(permissions)) {
        LOG.warn(
            "keyset file {} is accessible to group or others ({}); chmod 600 it",
            file,
            PosixFilePermissions.toString(permissions));
      }
    } catch (IOException e) {
      LOG.warn("cannot read the permissions of the keyset file {}", file);
    }
  }
}
