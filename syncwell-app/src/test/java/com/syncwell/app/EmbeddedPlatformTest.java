package com.syncwell.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.app.config.Settings;
import com.syncwell.connector.TokenSet;
import com.syncwell.engine.store.ConnectionCreated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformTest {
  @TempDir Path dataDir;

  private Settings settings() {
    return Settings.fromEnvironment(Map.of("SYNCWELL_DATA_DIR", dataDir.toString()));
  }

  @Test
  void the_data_directory_gets_one_database_file_and_one_keyset() {
    try (Platform platform = Platform.open(settings(), Clock.systemUTC())) {
      assertThat(platform.queue().approximateDepth().total()).isZero();
    }

    assertThat(dataDir.resolve(Platform.DATABASE_FILE)).isRegularFile();
    assertThat(dataDir.resolve(Platform.KEYSET_FILE)).isRegularFile();
  }

  @Test
  void a_connection_saved_in_one_run_decrypts_in_the_next() throws Exception {
    TokenSet tokens =
        new TokenSet(
            "access-secret-value",
            Optional.of("refresh-secret-value"),
            Instant.parse("2026-12-01T00:00:00Z"),
            Set.of("read"),
            Optional.of("athlete-7"));
    String connectionId;
    try (Platform platform = Platform.open(settings(), Clock.systemUTC())) {
      connectionId =
          ((ConnectionCreated) platform.connections().create("u1", "strava", "athlete-7", tokens))
              .connection()
              .connectionId();
    }

    try (Platform platform = Platform.open(settings(), Clock.systemUTC())) {
      var connection = platform.connections().get("u1", connectionId).orElseThrow();
      assertThat(platform.connections().tokens(connection).accessToken())
          .isEqualTo("access-secret-value");
    }
    assertThat(Files.readString(dataDir.resolve(Platform.KEYSET_FILE)))
        .doesNotContain("access-secret-value");
  }
}
