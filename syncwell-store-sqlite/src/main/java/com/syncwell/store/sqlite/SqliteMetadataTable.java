package com.syncwell.store.sqlite;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.AlreadyExists;
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
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The metadata table (ARCHITECTURE.md §5) in the shared SQLite file: one row per item in {@code
 * meta_items}, attributes as typed JSON ({@link AttributeJson}), one pair of nullable key columns
 * per {@link SecondaryIndex} with a partial SQL index each, and a partial index on the expiry for
 * the sweeper.
 *
 * <p>Conditional writes check the version and the expiry inside one {@code BEGIN IMMEDIATE}
 * transaction of {@link SqliteDatabase#write}; reads run on the reader pool and see every committed
 * write. Sort keys compare as SQLite's BINARY collation does, by their UTF-8 bytes (as DynamoDB
 * does). Expiry is kept in epoch milliseconds: sub-millisecond parts of {@code expiresAt} are
 * dropped.
 */
public final class SqliteMetadataTable implements MetadataTable {
  static final String COMPONENT = "metadata";

  /** Schema of the component; one statement per version, never edit one that has shipped. */
  static final List<String> SCHEMA =
      List.of(
          """
          CREATE TABLE meta_items (
            pk TEXT NOT NULL,
            sk TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1),
            expires_at INTEGER,
            reauth_status_pk TEXT,
            reauth_status_sk TEXT,
            schedule_pk TEXT,
            schedule_sk TEXT,
            attributes TEXT NOT NULL,
            PRIMARY KEY (pk, sk),
            CHECK ((reauth_status_pk IS NULL) = (reauth_status_sk IS NULL)),
            CHECK ((schedule_pk IS NULL) = (schedule_sk IS NULL))
          ) STRICT""",
          """
          CREATE INDEX meta_items_reauth_status
            ON meta_items (reauth_status_pk, reauth_status_sk, pk, sk)
            WHERE reauth_status_pk IS NOT NULL""",
          """
          CREATE INDEX meta_items_schedule
            ON meta_items (schedule_pk, schedule_sk, pk, sk)
            WHERE schedule_pk IS NOT NULL""",
          """
          CREATE INDEX meta_items_expiry
            ON meta_items (expires_at)
            WHERE expires_at IS NOT NULL""");

  static final int SCHEMA_VERSION = SCHEMA.size();

  /** The index key columns; bound and read in {@link SecondaryIndex} order. */
  private static final String INDEX_KEY_COLUMNS = QueryColumns.indexKeyColumnList();

  /** The columns of a row, in the order {@link #bindNewRow} binds and {@link #storedItem} reads. */
  static final String COLUMNS =
      "pk, sk, version, expires_at, " + INDEX_KEY_COLUMNS + ", attributes";

  /**
   * Everything but the key and the version, as {@code col = ?} and as {@code col = excluded.col}.
   */
  private static final String BODY_COLUMNS = "expires_at, " + INDEX_KEY_COLUMNS + ", attributes";

  private static final String SET_BODY = assignments(BODY_COLUMNS, c -> c + " = ?");
  private static final String SET_BODY_FROM_EXCLUDED =
      assignments(BODY_COLUMNS, c -> c + " = excluded." + c);
  private static final String NEW_ROW_VALUES =
      "VALUES (?, ?, 1, " + assignments(BODY_COLUMNS, c -> "?") + ")";

  static final String LIVE = "(expires_at IS NULL OR expires_at > ?)";

  private static final String GET =
      "SELECT " + COLUMNS + " FROM meta_items WHERE pk = ? AND sk = ? AND " + LIVE;

  /**
   * {@link #GET} for 1 to {@link MetadataTable#MAX_BATCH_SIZE} keys, at index (number of keys - 1):
   * one primary-key lookup per OR term. Parameters: pk and sk of each key, then now.
   */
  private static final List<String> BATCH_GET =
      IntStream.rangeClosed(1, MAX_BATCH_SIZE)
          .mapToObj(
              n ->
                  "SELECT "
                      + COLUMNS
                      + " FROM meta_items WHERE ("
                      + String.join(" OR ", Collections.nCopies(n, "(pk = ? AND sk = ?)"))
                      + ") AND "
                      + LIVE)
          .toList();

  /** Inserts or replaces at version 1. Parameters: the item. */
  private static final String PUT =
      "INSERT INTO meta_items ("
          + COLUMNS
          + ") "
          + NEW_ROW_VALUES
          + " ON CONFLICT (pk, sk) DO UPDATE SET version = 1, "
          + SET_BODY_FROM_EXCLUDED;

  /** Inserts at version 1, replacing only an expired row. Parameters: the item, now. */
  private static final String PUT_IF_ABSENT =
      PUT + " WHERE meta_items.expires_at IS NOT NULL AND meta_items.expires_at <= ?";

  /** Rewrites a live row at the expected version. Parameters: body, pk, sk, version, now. */
  private static final String PUT_IF_VERSION =
      "UPDATE meta_items SET version = version + 1, "
          + SET_BODY
          + " WHERE pk = ? AND sk = ? AND version = ? AND "
          + LIVE;

  private static final String DELETE_IF_VERSION =
      "DELETE FROM meta_items WHERE pk = ? AND sk = ? AND version = ? AND " + LIVE;

  private static final String DELETE = "DELETE FROM meta_items WHERE pk = ? AND sk = ?";

  static final String SWEEP =
      "DELETE FROM meta_items WHERE rowid IN (SELECT rowid FROM meta_items"
          + " WHERE expires_at <= ? ORDER BY expires_at LIMIT ?)";

  private final SqliteDatabase db;
  private final Clock clock;

  /** Uses the metadata component of {@code db}, migrating its schema when needed. */
  public SqliteMetadataTable(SqliteDatabase db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    db.migrate(COMPONENT, SCHEMA);
  }

  @Override
  public Optional<StoredItem> get(ItemKey key) {
    Objects.requireNonNull(key, "key");
    long now = clock.millis();
    return db.read(
        c -> {
          PreparedStatement ps = c.prepare(GET);
          ps.setString(1, key.partitionKey());
          ps.setString(2, key.sortKey());
          ps.setLong(3, now);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(storedItem(rs)) : Optional.empty();
          }
        });
  }

  @Override
  public Map<ItemKey, StoredItem> batchGet(List<ItemKey> keys) {
    MetadataTable.requireBatch(keys, k -> k);
    long now = clock.millis();
    return db.read(
        c -> {
          PreparedStatement ps = c.prepare(BATCH_GET.get(keys.size() - 1));
          int i = 1;
          for (ItemKey key : keys) {
            ps.setString(i++, key.partitionKey());
            ps.setString(i++, key.sortKey());
          }
          ps.setLong(i, now);
          Map<ItemKey, StoredItem> found = new HashMap<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              StoredItem item = storedItem(rs);
              found.put(item.key(), item);
            }
          }
          return found;
        });
  }

  @Override
  public PutOutcome putIfAbsent(Item item) {
    Objects.requireNonNull(item, "item");
    String attributes = AttributeJson.write(item.attributes());
    return db.write(
        c -> {
          PreparedStatement ps = c.prepare(PUT_IF_ABSENT);
          int next = bindNewRow(ps, item, attributes);
          ps.setLong(next, clock.millis());
          return ps.executeUpdate() == 1 ? new Written(1) : new AlreadyExists();
        });
  }

  @Override
  public UpdateOutcome putIfVersion(Item item, long expectedVersion) {
    Objects.requireNonNull(item, "item");
    MetadataTable.requireExpectedVersion(expectedVersion);
    String attributes = AttributeJson.write(item.attributes());
    return db.write(c -> rewrite(c, item, attributes, expectedVersion, clock.millis()));
  }

  @Override
  public UpdateOutcome updateIfVersion(ItemKey key, long expectedVersion, ItemUpdate update) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(update, "update");
    MetadataTable.requireExpectedVersion(expectedVersion);
    return db.write(
        c -> {
          long now = clock.millis();
          Optional<StoredItem> current;
          PreparedStatement ps = c.prepare(GET);
          ps.setString(1, key.partitionKey());
          ps.setString(2, key.sortKey());
          ps.setLong(3, now);
          try (ResultSet rs = ps.executeQuery()) {
            current = rs.next() ? Optional.of(storedItem(rs)) : Optional.empty();
          }
          if (current.isEmpty() || current.get().version() != expectedVersion) {
            return new VersionConflict();
          }
          Item updated = update.applyTo(current.get().item()); // validates the size
          String attributes = AttributeJson.write(updated.attributes());
          return rewrite(c, updated, attributes, expectedVersion, now);
        });
  }

  @Override
  public DeleteOutcome deleteIfVersion(ItemKey key, long expectedVersion) {
    Objects.requireNonNull(key, "key");
    MetadataTable.requireExpectedVersion(expectedVersion);
    return db.write(
        c -> {
          PreparedStatement ps = c.prepare(DELETE_IF_VERSION);
          ps.setString(1, key.partitionKey());
          ps.setString(2, key.sortKey());
          ps.setLong(3, expectedVersion);
          ps.setLong(4, clock.millis());
          return ps.executeUpdate() == 1 ? new Deleted() : new VersionConflict();
        });
  }

  @Override
  public Page query(Query query) {
    Objects.requireNonNull(query, "query");
    QueryColumns columns = QueryColumns.of(query.index());
    Optional<PageToken> after =
        query.pageToken().map(t -> PageToken.decode(t, query, columns.order().size()));
    PageSelect select =
        PageSelect.of(query, columns, after.map(PageToken::lastKey), clock.millis());
    List<StoredItem> items =
        db.read(
            c -> {
              PreparedStatement ps = c.prepare(select.sql());
              for (int i = 0; i < select.parameters().size(); i++) {
                ps.setObject(i + 1, select.parameters().get(i));
              }
              List<StoredItem> found = new ArrayList<>(Math.min(query.limit() + 1, 128));
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  found.add(storedItem(rs));
                }
              }
              return found;
            });
    if (items.size() <= query.limit()) {
      return new Page(items, Optional.empty());
    }
    List<StoredItem> page = items.subList(0, query.limit());
    StoredItem last = page.getLast();
    List<String> lastKey =
        query
            .index()
            .map(
                index -> {
                  IndexKey k = last.item().indexKeys().get(index);
                  return List.of(k.sortKey(), last.key().partitionKey(), last.key().sortKey());
                })
            .orElse(List.of(last.key().sortKey()));
    String token = new PageToken(PageToken.queryId(query), lastKey).encode();
    return new Page(page, Optional.of(token));
  }

  @Override
  public void batchPut(List<Item> items) {
    MetadataTable.requireBatch(items, Item::key);
    List<String> attributes = items.stream().map(i -> AttributeJson.write(i.attributes())).toList();
    db.write(
        c -> {
          PreparedStatement ps = c.prepare(PUT);
          for (int i = 0; i < items.size(); i++) {
            bindNewRow(ps, items.get(i), attributes.get(i));
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void batchDelete(List<ItemKey> keys) {
    MetadataTable.requireBatch(keys, k -> k);
    db.write(
        c -> {
          PreparedStatement ps = c.prepare(DELETE);
          for (ItemKey key : keys) {
            ps.setString(1, key.partitionKey());
            ps.setString(2, key.sortKey());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public int sweepExpired(int maxItems) {
    if (maxItems < 1) {
      throw new IllegalArgumentException("maxItems must be at least 1, was " + maxItems);
    }
    return db.write(
        c -> {
          PreparedStatement ps = c.prepare(SWEEP);
          ps.setLong(1, clock.millis());
          ps.setInt(2, maxItems);
          return ps.executeUpdate();
        });
  }

  /** Replaces a live row at {@code expectedVersion} with {@code item}, incrementing the version. */
  private static UpdateOutcome rewrite(
      SqlSession c, Item item, String attributes, long expectedVersion, long now)
      throws SQLException {
    PreparedStatement ps = c.prepare(PUT_IF_VERSION);
    int i = bindBody(ps, 1, item, attributes);
    ps.setString(i++, item.key().partitionKey());
    ps.setString(i++, item.key().sortKey());
    ps.setLong(i++, expectedVersion);
    ps.setLong(i, now);
    return ps.executeUpdate() == 1 ? new Written(expectedVersion + 1) : new VersionConflict();
  }

  /** Binds pk, sk and the body of a new row; returns the next parameter index. */
  private static int bindNewRow(PreparedStatement ps, Item item, String attributes)
      throws SQLException {
    ps.setString(1, item.key().partitionKey());
    ps.setString(2, item.key().sortKey());
    return bindBody(ps, 3, item, attributes);
  }

  /** Binds expires_at, the index key columns and the attributes from {@code first} on. */
  private static int bindBody(PreparedStatement ps, int first, Item item, String attributes)
      throws SQLException {
    int i = first;
    if (item.expiresAt().isPresent()) {
      ps.setLong(i++, item.expiresAt().get().toEpochMilli());
    } else {
      ps.setNull(i++, Types.INTEGER);
    }
    for (SecondaryIndex index : SecondaryIndex.values()) {
      IndexKey key = item.indexKeys().get(index);
      if (key == null) {
        ps.setNull(i++, Types.VARCHAR);
        ps.setNull(i++, Types.VARCHAR);
      } else {
        ps.setString(i++, key.partitionKey());
        ps.setString(i++, key.sortKey());
      }
    }
    ps.setString(i++, attributes);
    return i;
  }

  /** Reads a row selected with {@link #COLUMNS}. */
  private static StoredItem storedItem(ResultSet rs) throws SQLException {
    ItemKey key = ItemKey.of(rs.getString(1), rs.getString(2));
    long version = rs.getLong(3);
    long expiresAt = rs.getLong(4);
    Optional<Instant> expiry =
        rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(expiresAt));
    Map<SecondaryIndex, IndexKey> indexKeys = new EnumMap<>(SecondaryIndex.class);
    int column = 5;
    for (SecondaryIndex index : SecondaryIndex.values()) {
      String partition = rs.getString(column++);
      String sort = rs.getString(column++);
      if (partition != null) {
        indexKeys.put(index, IndexKey.of(partition, sort));
      }
    }
    Map<String, AttributeValue> attributes;
    try {
      attributes = AttributeJson.read(rs.getString(column));
    } catch (IOException e) {
      throw new StorageFailure("attributes of item " + key + " are corrupt: " + e.getMessage(), e);
    }
    return new StoredItem(new Item(key, attributes, expiry, indexKeys), version);
  }

  private static String assignments(String columns, UnaryOperator<String> each) {
    return Arrays.stream(columns.split(", ")).map(each).collect(Collectors.joining(", "));
  }
}
