package com.syncwell.engine.store;

import com.syncwell.connector.TokenSet;
import com.syncwell.connector.TokenSink;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.TokenCipher;
import com.syncwell.engine.port.table.AttributeValue;
import com.syncwell.engine.port.table.DeleteOutcome;
import com.syncwell.engine.port.table.Deleted;
import com.syncwell.engine.port.table.IndexKey;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.ItemUpdate;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.Page;
import com.syncwell.engine.port.table.PutOutcome;
import com.syncwell.engine.port.table.Query;
import com.syncwell.engine.port.table.SecondaryIndex;
import com.syncwell.engine.port.table.StoredItem;
import com.syncwell.engine.port.table.UpdateOutcome;
import com.syncwell.engine.port.table.VersionConflict;
import com.syncwell.engine.port.table.Written;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Connections and their webhook routing (ARCHITECTURE.md §5).
 *
 * <p>Items: the connection at {@code USER#{userId}} / {@code CONN#{connectionId}} with its status
 * and its token set, JSON encrypted by the {@link TokenCipher} with the item's key as associated
 * data; and, for webhooks, {@code PROVIDER#{provider}#{providerUserId}} / {@code OWNER} naming the
 * user and connection that own a provider account. While a connection needs re-authorization it
 * carries a key in the sparse {@link SecondaryIndex#RE_AUTH_STATUS} index: partition {@code
 * REAUTH#{provider}}, sort key the time it was marked and the connection id.
 *
 * <p>The two items are written without a transaction: owner first, then connection; deleted in the
 * other order. An owner item whose connection is missing (a crash between the two writes) is taken
 * over by the next {@link #create} for that account once it is older than {@link
 * #DANGLING_OWNER_GRACE}, and {@link #findOwner} callers load the connection before trusting it.
 */
public final class ConnectionStore {
  /** How long an owner item without its connection counts as a creation in progress. */
  public static final Duration DANGLING_OWNER_GRACE = Duration.ofMinutes(1);

  private static final String KIND = "connection";
  private static final String SORT_PREFIX = "CONN#";
  private static final int MAX_ATTEMPTS = 5;

  private final MetadataTable table;
  private final TokenCipher cipher;
  private final Clock clock;

  public ConnectionStore(MetadataTable table, TokenCipher cipher, Clock clock) {
    this.table = Objects.requireNonNull(table, "table");
    this.cipher = Objects.requireNonNull(cipher, "cipher");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Connects {@code userId} to a provider account: writes the owner item (put-if-absent), then the
   * connection, ACTIVE, with {@code tokens} encrypted.
   */
  public ConnectionCreation create(
      String userId, String provider, String providerUserId, TokenSet tokens) {
    UserKeys.requireId("user id", userId);
    UserKeys.requireId("provider", provider);
    UserKeys.requireTail("provider user id", providerUserId);
    Objects.requireNonNull(tokens, "tokens");
    String connectionId = SortableIds.next("conn", clock);
    Instant now = clock.instant();
    ItemKey ownerKey = ownerKey(provider, providerUserId);
    Item owner =
        Item.builder(ownerKey)
            .set("userId", userId)
            .set("connectionId", connectionId)
            .set("createdAt", now.toString())
            .build();
    boolean owned = false;
    for (int attempt = 0; attempt < MAX_ATTEMPTS && !owned; attempt++) {
      if (table.putIfAbsent(owner) instanceof Written) {
        owned = true;
        continue;
      }
      Optional<StoredItem> existing = table.get(ownerKey);
      if (existing.isEmpty()) {
        continue;
      }
      ProviderAccountOwner current = owner(existing.get());
      Optional<Connection> theirs = get(current.userId(), current.connectionId());
      if (theirs.isPresent()) {
        return theirs.get().userId().equals(userId)
            ? new AlreadyConnected(theirs.get())
            : new ProviderAccountInUse();
      }
      Instant ownerSince =
          new StoredAttributes(existing.get().item(), "owner").instant("createdAt");
      if (ownerSince.plus(DANGLING_OWNER_GRACE).isAfter(now)) {
        return new ProviderAccountInUse();
      }
      owned = table.putIfVersion(owner, existing.get().version()) instanceof Written;
    }
    if (!owned) {
      throw new StorageFailure("too much contention on a provider account's owner item", null);
    }
    ItemKey key = connectionKey(userId, connectionId);
    Item item =
        Item.builder(key)
            .set("kind", "CONNECTION")
            .set("connectionId", connectionId)
            .set("userId", userId)
            .set("provider", provider)
            .set("providerUserId", providerUserId)
            .set("status", ConnectionStatus.ACTIVE.name())
            .set("tokens", AttributeValue.of(seal(key, tokens)))
            .set("createdAt", now.toString())
            .set("updatedAt", now.toString())
            .build();
    PutOutcome put = table.putIfAbsent(item);
    if (!(put instanceof Written written)) {
      throw new IllegalStateException("a fresh connection id collided");
    }
    return new ConnectionCreated(read(new StoredItem(item, written.version())));
  }

  /** The connection, if it exists. */
  public Optional<Connection> get(String userId, String connectionId) {
    return table.get(connectionKey(userId, connectionId)).map(ConnectionStore::read);
  }

  /**
   * Those of {@code connectionIds} (1 to {@link MetadataTable#MAX_BATCH_SIZE} ids; repeats count
   * once) that exist, by id, in one batch read of the table.
   */
  public Map<String, Connection> getAll(String userId, List<String> connectionIds) {
    List<ItemKey> keys =
        connectionIds.stream().distinct().map(id -> connectionKey(userId, id)).toList();
    Map<String, Connection> found = new HashMap<>();
    table
        .batchGet(keys)
        .values()
        .forEach(
            stored -> {
              Connection c = read(stored);
              found.put(c.connectionId(), c);
            });
    return found;
  }

  /** All of a user's connections, oldest first. */
  public List<Connection> listByUser(String userId) {
    List<Connection> all = new ArrayList<>();
    Query query = Query.partition(UserKeys.partition(userId)).sortKeyPrefix(SORT_PREFIX);
    while (true) {
      Page page = table.query(query);
      page.items().forEach(i -> all.add(read(i)));
      if (page.nextPageToken().isEmpty()) {
        return all;
      }
      query = query.after(page.nextPageToken().get());
    }
  }

  /**
   * Decrypts the connection's token set.
   *
   * @throws com.syncwell.engine.port.CiphertextRejected when the stored ciphertext does not belong
   *     to this item or was damaged
   */
  public TokenSet tokens(Connection connection) {
    ItemKey key = connectionKey(connection.userId(), connection.connectionId());
    byte[] json = cipher.decrypt(connection.tokens().ciphertext(), associatedData(key));
    try {
      return TokenSetJson.read(json);
    } finally {
      Arrays.fill(json, (byte) 0);
    }
  }

  /** Stores a refreshed token set if the connection is at {@code expectedVersion}. */
  public UpdateOutcome saveTokens(
      String userId, String connectionId, TokenSet tokens, long expectedVersion) {
    ItemKey key = connectionKey(userId, connectionId);
    return table.updateIfVersion(
        key,
        expectedVersion,
        ItemUpdate.builder()
            .set("tokens", AttributeValue.of(seal(key, tokens)))
            .set("updatedAt", clock.instant().toString())
            .build());
  }

  /**
   * The connectors' {@link TokenSink} for one connection: stores each new token set, re-reading and
   * retrying when another write (a status change) got in between, so a rotated refresh token is
   * never lost. Throws {@link IllegalStateException} when the connection no longer exists.
   */
  public TokenSink tokenSink(String userId, String connectionId) {
    UserKeys.requireId("user id", userId);
    UserKeys.requireId("connection id", connectionId);
    return tokens -> {
      for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        Connection current =
            get(userId, connectionId)
                .orElseThrow(
                    () -> new IllegalStateException("the connection to store tokens on is gone"));
        if (saveTokens(userId, connectionId, tokens, current.version()) instanceof Written) {
          return;
        }
      }
      throw new StorageFailure("too much contention storing a connection's tokens", null);
    };
  }

  /**
   * Marks the connection NEEDS_REAUTH and puts it in the ReAuthStatus index, if it is at {@code
   * expectedVersion}.
   */
  public UpdateOutcome markNeedsReauth(String userId, String connectionId, long expectedVersion) {
    Optional<Connection> current = get(userId, connectionId);
    if (current.isEmpty()) {
      return new VersionConflict();
    }
    Instant now = clock.instant();
    return table.updateIfVersion(
        connectionKey(userId, connectionId),
        expectedVersion,
        ItemUpdate.builder()
            .set("status", ConnectionStatus.NEEDS_REAUTH.name())
            .set("updatedAt", now.toString())
            .indexKey(
                SecondaryIndex.RE_AUTH_STATUS,
                IndexKey.of(
                    reauthPartition(current.get().provider()),
                    UserKeys.sortableMillis(now) + "#" + connectionId))
            .build());
  }

  /**
   * Stores the token set of a new authorization, sets ACTIVE and takes the connection out of the
   * ReAuthStatus index, if it is at {@code expectedVersion}.
   */
  public UpdateOutcome reauthorize(
      String userId, String connectionId, TokenSet tokens, long expectedVersion) {
    ItemKey key = connectionKey(userId, connectionId);
    return table.updateIfVersion(
        key,
        expectedVersion,
        ItemUpdate.builder()
            .set("tokens", AttributeValue.of(seal(key, tokens)))
            .set("status", ConnectionStatus.ACTIVE.name())
            .set("updatedAt", clock.instant().toString())
            .removeIndexKey(SecondaryIndex.RE_AUTH_STATUS)
            .build());
  }

  /**
   * Marks the connection REVOKED (out of the ReAuthStatus index), if at {@code expectedVersion}.
   */
  public UpdateOutcome markRevoked(String userId, String connectionId, long expectedVersion) {
    return table.updateIfVersion(
        connectionKey(userId, connectionId),
        expectedVersion,
        ItemUpdate.builder()
            .set("status", ConnectionStatus.REVOKED.name())
            .set("updatedAt", clock.instant().toString())
            .removeIndexKey(SecondaryIndex.RE_AUTH_STATUS)
            .build());
  }

  /** One page of a provider's connections that need re-authorization, longest waiting first. */
  public ResultPage<Connection> listNeedingReauth(
      String provider, int limit, Optional<String> pageToken) {
    Query query =
        Query.index(SecondaryIndex.RE_AUTH_STATUS, reauthPartition(provider)).limit(limit);
    if (pageToken.isPresent()) {
      query = query.after(pageToken.get());
    }
    Page page = table.query(query);
    return new ResultPage<>(
        page.items().stream().map(ConnectionStore::read).toList(), page.nextPageToken());
  }

  /**
   * Deletes the connection if it is at {@code expectedVersion}, then its owner item when that still
   * names this connection.
   */
  public DeleteOutcome delete(String userId, String connectionId, long expectedVersion) {
    Optional<Connection> current = get(userId, connectionId);
    if (current.isEmpty()) {
      return new VersionConflict();
    }
    DeleteOutcome deleted =
        table.deleteIfVersion(connectionKey(userId, connectionId), expectedVersion);
    if (!(deleted instanceof Deleted)) {
      return deleted;
    }
    releaseProviderAccount(current.get());
    return deleted;
  }

  /**
   * Deletes the webhook routing item of the connection's provider account ({@code
   * PROVIDER#{provider}#{providerUserId}} / {@code OWNER}) if it still names this user and
   * connection, so that the account's webhooks stop reaching the user; an item naming anyone else
   * is left alone. True when this call deleted it. Idempotent.
   */
  public boolean releaseProviderAccount(Connection connection) {
    ItemKey ownerKey = ownerKey(connection.provider(), connection.providerUserId());
    ProviderAccountOwner mine =
        new ProviderAccountOwner(connection.userId(), connection.connectionId());
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<StoredItem> stored = table.get(ownerKey);
      if (stored.isEmpty() || !owner(stored.get()).equals(mine)) {
        return false;
      }
      if (table.deleteIfVersion(ownerKey, stored.get().version()) instanceof Deleted) {
        return true;
      }
    }
    throw new StorageFailure("too much contention on a provider account's owner item", null);
  }

  /**
   * The user and connection that own a provider account, for routing its webhooks. The connection
   * may be gone (see the class comment): load it before acting.
   */
  public Optional<ProviderAccountOwner> findOwner(String provider, String providerUserId) {
    return table.get(ownerKey(provider, providerUserId)).map(ConnectionStore::owner);
  }

  private byte[] seal(ItemKey key, TokenSet tokens) {
    byte[] json = TokenSetJson.write(Objects.requireNonNull(tokens, "tokens"));
    try {
      return cipher.encrypt(json, associatedData(key));
    } finally {
      Arrays.fill(json, (byte) 0);
    }
  }

  /** The item key as associated data: partition key, a NUL, sort key (ids hold no NUL). */
  static byte[] associatedData(ItemKey key) {
    return (key.partitionKey() + '\u0000' + key.sortKey()).getBytes(StandardCharsets.UTF_8);
  }

  static ItemKey connectionKey(String userId, String connectionId) {
    return ItemKey.of(
        UserKeys.partition(userId),
        SORT_PREFIX + UserKeys.requireId("connection id", connectionId));
  }

  private static ItemKey ownerKey(String provider, String providerUserId) {
    return ItemKey.of(
        "PROVIDER#"
            + UserKeys.requireId("provider", provider)
            + "#"
            + UserKeys.requireTail("provider user id", providerUserId),
        "OWNER");
  }

  private static String reauthPartition(String provider) {
    return "REAUTH#" + UserKeys.requireId("provider", provider);
  }

  private static ProviderAccountOwner owner(StoredItem stored) {
    StoredAttributes a = new StoredAttributes(stored.item(), "owner");
    return new ProviderAccountOwner(a.string("userId"), a.string("connectionId"));
  }

  private static Connection read(StoredItem stored) {
    StoredAttributes a = new StoredAttributes(stored.item(), KIND);
    return new Connection(
        a.string("connectionId"),
        a.string("userId"),
        a.string("provider"),
        a.string("providerUserId"),
        a.enumValue("status", ConnectionStatus.class),
        new SealedTokens(a.bytes("tokens")),
        a.instant("createdAt"),
        a.instant("updatedAt"),
        stored.version());
  }
}
