package com.syncwell.engine.sync;

import com.syncwell.engine.port.table.DeleteOutcome;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.ItemUpdate;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.Page;
import com.syncwell.engine.port.table.PutOutcome;
import com.syncwell.engine.port.table.Query;
import com.syncwell.engine.port.table.StoredItem;
import com.syncwell.engine.port.table.UpdateOutcome;
import java.util.List;
import java.util.Optional;

/**
 * A table that "crashes" (throws {@link Crash}) on the n-th conditional write of items whose sort
 * key starts with a prefix, before the write happens: the process dies between two steps.
 */
final class CrashingTable implements MetadataTable {
  /** A simulated process crash: nothing after it runs. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(String where) {
      super("crash " + where, null, false, false);
    }
  }

  enum Op {
    PUT_IF_ABSENT,
    UPDATE_IF_VERSION
  }

  private final MetadataTable delegate;
  private Op op;
  private String prefix;
  private int left;

  CrashingTable(MetadataTable delegate) {
    this.delegate = delegate;
  }

  synchronized void crashAt(Op op, String sortKeyPrefix, int n) {
    this.op = op;
    this.prefix = sortKeyPrefix;
    this.left = n;
  }

  synchronized void disarm() {
    op = null;
  }

  private synchronized void maybeCrash(Op called, ItemKey key) {
    if (op == called && key.sortKey().startsWith(prefix)) {
      if (--left == 0) {
        op = null;
        throw new Crash(called + " " + prefix);
      }
    }
  }

  @Override
  public Optional<StoredItem> get(ItemKey key) {
    return delegate.get(key);
  }

  @Override
  public PutOutcome putIfAbsent(Item item) {
    maybeCrash(Op.PUT_IF_ABSENT, item.key());
    return delegate.putIfAbsent(item);
  }

  @Override
  public UpdateOutcome putIfVersion(Item item, long expectedVersion) {
    return delegate.putIfVersion(item, expectedVersion);
  }

  @Override
  public UpdateOutcome updateIfVersion(ItemKey key, long expectedVersion, ItemUpdate update) {
    maybeCrash(Op.UPDATE_IF_VERSION, key);
    return delegate.updateIfVersion(key, expectedVersion, update);
  }

  @Override
  public DeleteOutcome deleteIfVersion(ItemKey key, long expectedVersion) {
    return delegate.deleteIfVersion(key, expectedVersion);
  }

  @Override
  public Page query(Query query) {
    return delegate.query(query);
  }

  @Override
  public void batchPut(List<Item> items) {
    delegate.batchPut(items);
  }

  @Override
  public void batchDelete(List<ItemKey> keys) {
    delegate.batchDelete(keys);
  }

  @Override
  public int sweepExpired(int maxItems) {
    return delegate.sweepExpired(maxItems);
  }
}
