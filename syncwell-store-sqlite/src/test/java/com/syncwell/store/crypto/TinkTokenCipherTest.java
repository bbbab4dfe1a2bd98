package com.syncwell.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.syncwell.engine.port.CiphertextRejected;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinkTokenCipherTest {
  private static final byte[] TOKENS =
      "{\"accessToken\":\"at-secret-123\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] HERE = "USER#u1\u0000CONN#c1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ELSEWHERE = "USER#u2\u0000CONN#c1".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private TinkTokenCipher cipher() {
    return TinkTokenCipher.withKeysetCreatedIfAbsent(KeysetFile.inDataDir(dir));
  }

  @Test
  void a_ciphertext_decrypts_back_to_the_plaintext() {
    TinkTokenCipher cipher = cipher();

    byte[] sealed = cipher.encrypt(TOKENS, HERE);

    assertThat(cipher.decrypt(sealed, HERE)).isEqualTo(TOKENS);
  }

  @Test
  void the_ciphertext_does_not_contain_the_plaintext_and_differs_each_time() {
    TinkTokenCipher cipher = cipher();

    byte[] first = cipher.encrypt(TOKENS, HERE);
    byte[] second = cipher.encrypt(TOKENS, HERE);

    assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("at-secret-123");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void other_associated_data_fails_to_decrypt() {
    TinkTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKENS, HERE);

    assertThatThrownBy(() -> cipher.decrypt(sealed, ELSEWHERE))
        .isInstanceOf(CiphertextRejected.class)
        .hasMessageNotContaining("at-secret");
  }

  @Test
  void a_tampered_ciphertext_fails_to_decrypt() {
    TinkTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKENS, HERE);

    byte[] flippedAtEnd = sealed.clone();
    flippedAtEnd[flippedAtEnd.length - 1] ^= 0x01;
    byte[] flippedInWrappedKey = sealed.clone();
    flippedInWrappedKey[10] ^= 0x01;
    byte[] truncated = java.util.Arrays.copyOf(sealed, sealed.length - 5);

    for (byte[] bad : new byte[][] {flippedAtEnd, flippedInWrappedKey, truncated, new byte[0]}) {
      assertThatThrownBy(() -> cipher.decrypt(bad, HERE)).isInstanceOf(CiphertextRejected.class);
    }
  }

  @Test
  void a_second_instance_on_the_same_keyset_file_decrypts() {
    byte[] sealed = cipher().encrypt(TOKENS, HERE);

    TinkTokenCipher later = TinkTokenCipher.withExistingKeyset(KeysetFile.inDataDir(dir));

    assertThat(later.decrypt(sealed, HERE)).isEqualTo(TOKENS);
  }

  @Test
  void another_keyset_cannot_decrypt() {
    byte[] sealed = cipher().encrypt(TOKENS, HERE);

    TinkTokenCipher stranger =
        TinkTokenCipher.withKeysetCreatedIfAbsent(dir.resolve("other").resolve("keyset.json"));

    assertThatThrownBy(() -> stranger.decrypt(sealed, HERE)).isInstanceOf(CiphertextRejected.class);
  }

  @Test
  void the_generated_keyset_file_is_readable_by_its_owner_only() throws Exception {
    cipher();

    Path file = KeysetFile.inDataDir(dir);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var names = Files.list(dir)) {
      assertThat(names.map(p -> p.getFileName().toString())).containsExactly("master-keyset.json");
    }
  }

  @Test
  void the_generated_keyset_is_created_in_a_missing_data_directory() {
    Path file = dir.resolve("a").resolve("b").resolve(KeysetFile.DEFAULT_NAME);

    TinkTokenCipher cipher = TinkTokenCipher.withKeysetCreatedIfAbsent(file);

    assertThat(file).exists();
    assertThat(cipher.decrypt(cipher.encrypt(TOKENS, HERE), HERE)).isEqualTo(TOKENS);
  }

  @Test
  void a_missing_configured_keyset_is_one_clear_error_and_no_new_key() {
    Path file = dir.resolve("nowhere.json");

    assertThatThrownBy(() -> TinkTokenCipher.withExistingKeyset(file))
        .isInstanceOf(MasterKeyUnavailable.class)
        .hasMessageContaining("nowhere.json")
        .hasMessageContaining("does not exist");
    assertThat(file).doesNotExist();
  }

  @Test
  void a_corrupt_keyset_is_one_clear_error_that_does_not_quote_the_file() throws Exception {
    Path file = KeysetFile.inDataDir(dir);
    Files.writeString(file, "{\"primaryKeyId\": 1, \"key\": [\"not-a-key-SECRETISH\"]}");

    assertThatThrownBy(() -> TinkTokenCipher.withKeysetCreatedIfAbsent(file))
        .isInstanceOf(MasterKeyUnavailable.class)
        .hasMessageContaining("is not a Tink AEAD keyset")
        .hasMessageNotContaining("SECRETISH")
        .hasNoCause();
  }

  @Test
  void an_empty_keyset_file_is_the_same_clear_error() throws Exception {
    Path file = KeysetFile.inDataDir(dir);
    Files.writeString(file, "");

    assertThatThrownBy(() -> TinkTokenCipher.withExistingKeyset(file))
        .isInstanceOf(MasterKeyUnavailable.class)
        .hasMessageContaining("is not a Tink AEAD keyset");
  }

  @Test
  void a_keyset_of_another_primitive_is_rejected() throws Exception {
    Path file = KeysetFile.inDataDir(dir);
    Files.writeString(
        file,
        TinkJsonProtoKeysetFormat.serializeKeyset(
            KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG),
            InsecureSecretKeyAccess.get()));

    assertThatThrownBy(() -> TinkTokenCipher.withExistingKeyset(file))
        .isInstanceOf(MasterKeyUnavailable.class)
        .hasMessageContaining("is not a Tink AEAD keyset");
  }
}
