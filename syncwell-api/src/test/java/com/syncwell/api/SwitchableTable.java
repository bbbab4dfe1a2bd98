package com.syncwell.api;

import com.syncwell.engine.port.StorageFailure;
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

/** A table that can be switched to fail every call with {@link StorageFailure}. */
final class SwitchableTable implements MetadataTable {
  private final MetadataTable delegate;
  private volatile boolean down;

  SwitchableTable(MetadataTable delegate) {
    this.delegate = delegate;
  }

  void down(boolean down) {
    this.down = down;
  }

  private void check() {
    if (down) {
      throw new StorageFailure("table down (test)", new java.io.IOException("disk on fire"));
    }
  }

  @Override
  public Optional<StoredItem> get(ItemKey key) {
    check();
    return delegate.get(key);
  }

  @Override
  public PutOutcome putIfAbsent(Item item) {
    check();
    return delegate.putIfAbsent(item);
  }

  @Override
  public UpdateOutcome putIfVersion(Item item, long expectedVersion) {
    check();
    return delegate.putIfVersion(item, expectedVersion);
  }

  @Override
  public UpdateOutcome updateIfVersion(ItemKey key, long expectedVersion, ItemUpdate update) {
    check();
    return delegate.updateIfVersion(key, expectedVersion, update);
  }

  @Override
  public DeleteOutcome deleteIfVersion(ItemKey key, long expectedVersion) {
    check();
    return delegate.deleteIfVersion(key, expectedVersion);
  }

  @Override
  public Page query(Query query) {
    check();
    return delegate.query(query);
  }

  @Override
  public void batchPut(List<Item> items) {
    check();
    delegate.batchPut(items);
  }

  @Override
  public void batchDelete(List<ItemKey> keys) {
    check();
    delegate.batchDelete(keys);
  }

  @Override
  public int sweepExpired(int maxItems) {
    check();
    return delegate.sweepExpired(maxItems);
  }
}
