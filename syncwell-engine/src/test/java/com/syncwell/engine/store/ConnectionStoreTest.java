package com.syncwell.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.connector.TokenSet;
import com.syncwell.connector.TokenSink;
import com.syncwell.engine.port.CiphertextRejected;
import com.syncwell.engine.port.table.AttributeValue;
import com.syncwell.engine.port.table.Deleted;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.ItemUpdate;
import com.syncwell.engine.port.table.SecondaryIndex;
import com.syncwell.engine.port.table.VersionConflict;
import com.syncwell.engine.port.table.Written;
import com.syncwell.store.crypto.KeysetFile;
import com.syncwell.store.crypto.TinkTokenCipher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionStoreTest {
  @TempDir Path dir;
  private StoreFixture fx;
  private ConnectionStore connections;

  @BeforeEach
  void open() {
    fx = new StoreFixture(dir);
    connections =
        new ConnectionStore(
            fx.table,
            TinkTokenCipher.withKeysetCreatedIfAbsent(KeysetFile.inDataDir(dir)),
            fx.clock);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  private static TokenSet tokens(String access, String refresh) {
    return new TokenSet(
        access,
        Optional.of(refresh),
        Instant.parse("2026-01-01T06:00:00Z"),
        Set.of("activity:read_all", "activity:write"),
        Optional.of("athlete-77"));
  }

  private Connection connect(String userId, String providerUserId) {
    ConnectionCreation created =
        connections.create(userId, "strava", providerUserId, tokens("access-1", "refresh-1"));
    assertThat(created).isInstanceOf(ConnectionCreated.class);
    return ((ConnectionCreated) created).connection();
  }

  @Test
  void a_created_connection_is_active_and_reads_back() {
    Connection c = connect("u1", "athlete-77");

    assertThat(c.connectionId()).startsWith("conn_");
    assertThat(c.status()).isEqualTo(ConnectionStatus.ACTIVE);
    assertThat(c.provider()).isEqualTo("strava");
    assertThat(c.providerUserId()).isEqualTo("athlete-77");
    assertThat(c.version()).isEqualTo(1);
    assertThat(connections.get("u1", c.connectionId())).contains(c);
    assertThat(fx.table.get(ItemKey.of("USER#u1", "CONN#" + c.connectionId()))).isPresent();
  }

  @Test
  void tokens_are_stored_encrypted_and_decrypt_back() throws Exception {
    Connection c = connect("u1", "athlete-77");

    assertThat(connections.tokens(c)).isEqualTo(tokens("access-1", "refresh-1"));
    var item = fx.table.get(ItemKey.of("USER#u1", "CONN#" + c.connectionId())).orElseThrow();
    assertThat(item.item().toString()).doesNotContain("access-1").doesNotContain("refresh-1");
    StringBuilder raw = new StringBuilder();
    try (var files = Files.list(dir)) {
      for (Path file :
          files.filter(p -> p.getFileName().toString().startsWith("syncwell.db")).toList()) {
        raw.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(raw).as("the database files hold the item").contains("athlete-77");
    assertThat(raw).doesNotContain("access-1").doesNotContain("refresh-1");
    assertThat(c.toString()).doesNotContain("access-1");
  }

  @Test
  void a_token_ciphertext_moved_to_another_connection_does_not_decrypt() {
    Connection mine = connect("u1", "athlete-1");
    Connection theirs = connect("u2", "athlete-2");
    fx.table.updateIfVersion(
        ItemKey.of("USER#u2", "CONN#" + theirs.connectionId()),
        theirs.version(),
        ItemUpdate.builder().set("tokens", AttributeValue.of(mine.tokens().ciphertext())).build());

    Connection tampered = connections.get("u2", theirs.connectionId()).orElseThrow();

    assertThatThrownBy(() -> connections.tokens(tampered)).isInstanceOf(CiphertextRejected.class);
  }

  @Test
  void create_writes_the_owner_item_for_webhook_routing() {
    Connection c = connect("u1", "athlete-77");

    assertThat(connections.findOwner("strava", "athlete-77"))
        .contains(new ProviderAccountOwner("u1", c.connectionId()));
    assertThat(fx.table.get(ItemKey.of("PROVIDER#strava#athlete-77", "OWNER"))).isPresent();
    assertThat(connections.findOwner("strava", "athlete-78")).isEmpty();
    assertThat(connections.findOwner("fitbit", "athlete-77")).isEmpty();
  }

  @Test
  void a_provider_account_owned_by_another_user_cannot_be_connected() {
    Connection first = connect("u1", "athlete-77");

    ConnectionCreation second =
        connections.create("u2", "strava", "athlete-77", tokens("a2", "r2"));

    assertThat(second).isInstanceOf(ProviderAccountInUse.class);
    assertThat(connections.listByUser("u2")).isEmpty();
    assertThat(connections.findOwner("strava", "athlete-77"))
        .contains(new ProviderAccountOwner("u1", first.connectionId()));
  }

  @Test
  void the_same_user_connecting_the_same_account_again_gets_the_existing_connection() {
    Connection first = connect("u1", "athlete-77");

    ConnectionCreation again = connections.create("u1", "strava", "athlete-77", tokens("a2", "r2"));

    assertThat(again).isEqualTo(new AlreadyConnected(first));
    assertThat(connections.listByUser("u1")).containsExactly(first);
  }

  @Test
  void an_owner_item_left_without_its_connection_is_taken_over_after_the_grace_period() {
    fx.table.putIfAbsent(
        Item.builder("PROVIDER#strava#athlete-77", "OWNER")
            .set("userId", "u-gone")
            .set("connectionId", "conn_gone")
            .set("createdAt", fx.clock.instant().toString())
            .build());

    assertThat(connections.create("u1", "strava", "athlete-77", tokens("a", "r")))
        .isInstanceOf(ProviderAccountInUse.class);
    fx.clock.advance(ConnectionStore.DANGLING_OWNER_GRACE);
    ConnectionCreation later = connections.create("u1", "strava", "athlete-77", tokens("a", "r"));

    assertThat(later).isInstanceOf(ConnectionCreated.class);
    assertThat(connections.findOwner("strava", "athlete-77").orElseThrow().userId())
        .isEqualTo("u1");
  }

  @Test
  void list_by_user_returns_only_that_users_connections() {
    Connection a = connect("u1", "athlete-1");
    fx.clock.advance(Duration.ofMillis(1));
    Connection b = connect("u1", "athlete-2");
    connect("u2", "athlete-3");

    assertThat(connections.listByUser("u1")).containsExactly(a, b);
  }

  @Test
  void saving_new_tokens_is_version_checked() {
    Connection c = connect("u1", "athlete-77");

    assertThat(connections.saveTokens("u1", c.connectionId(), tokens("access-2", "refresh-2"), 1))
        .isEqualTo(new Written(2));
    assertThat(connections.saveTokens("u1", c.connectionId(), tokens("access-3", "refresh-3"), 1))
        .isInstanceOf(VersionConflict.class);

    Connection read = connections.get("u1", c.connectionId()).orElseThrow();
    assertThat(connections.tokens(read).accessToken()).isEqualTo("access-2");
  }

  @Test
  void the_token_sink_persists_refreshed_tokens_even_after_another_write() {
    Connection c = connect("u1", "athlete-77");
    TokenSink sink = connections.tokenSink("u1", c.connectionId());
    connections.markNeedsReauth("u1", c.connectionId(), c.version());

    sink.persist(tokens("access-rotated", "refresh-rotated"));

    Connection read = connections.get("u1", c.connectionId()).orElseThrow();
    assertThat(connections.tokens(read).refreshToken()).contains("refresh-rotated");
    assertThat(read.status()).isEqualTo(ConnectionStatus.NEEDS_REAUTH);
  }

  @Test
  void the_token_sink_of_a_deleted_connection_fails_loudly() {
    Connection c = connect("u1", "athlete-77");
    TokenSink sink = connections.tokenSink("u1", c.connectionId());
    connections.delete("u1", c.connectionId(), c.version());

    assertThatThrownBy(() -> sink.persist(tokens("a", "r")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("u1");
  }

  @Test
  void needs_reauth_sets_the_sparse_index_key_and_reauthorizing_clears_it() {
    Connection c = connect("u1", "athlete-77");
    ItemKey key = ItemKey.of("USER#u1", "CONN#" + c.connectionId());

    assertThat(connections.markNeedsReauth("u1", c.connectionId(), 1)).isEqualTo(new Written(2));

    assertThat(connections.get("u1", c.connectionId()).orElseThrow().status())
        .isEqualTo(ConnectionStatus.NEEDS_REAUTH);
    assertThat(
            fx.table
                .get(key)
                .orElseThrow()
                .item()
                .indexKeys()
                .get(SecondaryIndex.RE_AUTH_STATUS)
                .partitionKey())
        .isEqualTo("REAUTH#strava");
    assertThat(connections.listNeedingReauth("strava", 10, Optional.empty()).items())
        .extracting(Connection::connectionId)
        .containsExactly(c.connectionId());
    assertThat(connections.listNeedingReauth("fitbit", 10, Optional.empty()).items()).isEmpty();

    assertThat(connections.reauthorize("u1", c.connectionId(), tokens("fresh", "fresh-r"), 2))
        .isEqualTo(new Written(3));

    Connection back = connections.get("u1", c.connectionId()).orElseThrow();
    assertThat(back.status()).isEqualTo(ConnectionStatus.ACTIVE);
    assertThat(connections.tokens(back).accessToken()).isEqualTo("fresh");
    assertThat(fx.table.get(key).orElseThrow().item().indexKeys()).isEmpty();
    assertThat(connections.listNeedingReauth("strava", 10, Optional.empty()).items()).isEmpty();
  }

  @Test
  void status_changes_are_version_checked() {
    Connection c = connect("u1", "athlete-77");

    assertThat(connections.markNeedsReauth("u1", c.connectionId(), 5))
        .isInstanceOf(VersionConflict.class);
    assertThat(connections.markNeedsReauth("u1", "conn_missing", 1))
        .isInstanceOf(VersionConflict.class);
    assertThat(connections.markRevoked("u1", c.connectionId(), 1)).isEqualTo(new Written(2));
    assertThat(connections.get("u1", c.connectionId()).orElseThrow().status())
        .isEqualTo(ConnectionStatus.REVOKED);
  }

  @Test
  void delete_removes_the_connection_and_its_owner_item() {
    Connection c = connect("u1", "athlete-77");

    assertThat(connections.delete("u1", c.connectionId(), 9)).isInstanceOf(VersionConflict.class);
    assertThat(connections.delete("u1", c.connectionId(), 1)).isInstanceOf(Deleted.class);

    assertThat(connections.get("u1", c.connectionId())).isEmpty();
    assertThat(connections.findOwner("strava", "athlete-77")).isEmpty();
    assertThat(connections.create("u2", "strava", "athlete-77", tokens("a", "r")))
        .isInstanceOf(ConnectionCreated.class);
  }

  @Test
  void ids_with_the_key_separator_are_rejected() {
    assertThatThrownBy(() -> connections.get("u#1", "conn_a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> connections.create("u1", "str#ava", "x", tokens("a", "r")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
