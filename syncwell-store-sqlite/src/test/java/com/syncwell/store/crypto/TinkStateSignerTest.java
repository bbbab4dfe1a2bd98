package com.syncwell.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinkStateSignerTest {
  private static final byte[] DATA = "state of user-1".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @Test
  void a_signature_verifies_for_its_data_only() {
    TinkStateSigner signer = TinkStateSigner.withFreshKey();
    byte[] signature = signer.sign(DATA);

    assertThat(signer.verifies(signature, DATA)).isTrue();
    assertThat(signer.verifies(signature, "state of user-2".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
    byte[] flipped = signature.clone();
    flipped[flipped.length - 1] ^= 1;
    assertThat(signer.verifies(flipped, DATA)).isFalse();
    assertThat(signer.verifies(new byte[0], DATA)).isFalse();
    assertThat(signer.verifies(null, DATA)).isFalse();
    assertThat(signer.verifies(signature, null)).isFalse();
  }

  @Test
  void another_key_does_not_verify() {
    byte[] signature = TinkStateSigner.withFreshKey().sign(DATA);

    assertThat(TinkStateSigner.withFreshKey().verifies(signature, DATA)).isFalse();
  }

  @Test
  void the_keyset_file_is_generated_owner_only_once_and_shared_by_every_instance()
      throws Exception {
    Path file = TinkStateSigner.inDataDir(dir.resolve("data"));

    byte[] signature = TinkStateSigner.withKeysetCreatedIfAbsent(file).sign(DATA);
    String json = Files.readString(file);
    TinkStateSigner later = TinkStateSigner.withKeysetCreatedIfAbsent(file);

    assertThat(later.verifies(signature, DATA)).isTrue();
    assertThat(Files.readString(file)).isEqualTo(json);
    assertThat(file.getFileName().toString()).isEqualTo(TinkStateSigner.DEFAULT_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void a_corrupt_or_foreign_keyset_stops_with_the_file_named_and_its_contents_kept_out()
      throws Exception {
    Path corrupt = dir.resolve("corrupt.json");
    Files.writeString(corrupt, "{\"SECRETISH\": 1}");
    Path aead = KeysetFile.inDataDir(dir);
    KeysetFile.openOrCreate(aead);

    assertThatThrownBy(() -> TinkStateSigner.withKeysetCreatedIfAbsent(corrupt))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("corrupt.json")
        .hasMessageContaining("not a Tink MAC keyset")
        .hasMessageNotContaining("SECRETISH");
    assertThatThrownBy(() -> TinkStateSigner.withKeysetCreatedIfAbsent(aead))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a Tink MAC keyset");
  }
}
